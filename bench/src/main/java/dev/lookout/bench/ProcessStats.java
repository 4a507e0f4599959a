package dev.lookout.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads a Linux process's CPU time and resident memory from {@code /proc} (see proc(5)). */
final class ProcessStats {
  private ProcessStats() {}

  /**
   * Returns user plus system CPU time of {@code pid} in clock ticks, or empty when the process or
   * {@code /proc} is missing.
   */
  static OptionalLong cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return OptionalLong.of(cpuTicksOf(stat));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Returns fields 14 (utime) and 15 (stime) of a {@code /proc/PID/stat} line, summed. The command
   * name in field 2 may contain spaces and parentheses, so fields are counted after its last ')'.
   */
  static long cpuTicksOf(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
    // fields[0] is field 3 (state), so field N is fields[N - 3].
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** Returns the resident set size (VmRSS) of {@code pid} in KiB, or empty when unreadable. */
  static OptionalLong residentKib(long pid) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}
