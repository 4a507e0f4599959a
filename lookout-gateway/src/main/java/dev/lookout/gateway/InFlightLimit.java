package dev.lookout.gateway;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Fits {@code max_in_flight} to the process's open-file limit. Each call in flight uses two
 * sockets, the client's and the upstream's, and the store, payload files, jars and logs need
 * handles too. A limit the process cannot open files for would fail calls with "Too many open
 * files" and lose their payloads instead of shedding them with 503.
 */
final class InFlightLimit {
  /** Handles kept for everything but the calls' sockets, at most a quarter of the limit. */
  private static final long RESERVED_HANDLES = 1024;

  private InFlightLimit() {}

  /**
   * Returns the calls in flight that {@code maxHandles} open files allow, at most {@code
   * configured}. Returns {@code configured} when the limit is unknown ({@code maxHandles <= 0}).
   */
  static int fit(int configured, long maxHandles) {
    if (maxHandles <= 0) {
      return configured;
    }
    long fits = (maxHandles - reserved(maxHandles)) / 2;
    return (int) Math.max(1, Math.min(configured, fits));
  }

  /**
   * Returns the open files needed for {@code calls} in flight under a limit of {@code maxHandles}.
   */
  static long needed(int calls, long maxHandles) {
    return 2L * calls + reserved(maxHandles);
  }

  private static long reserved(long maxHandles) {
    return Math.min(RESERVED_HANDLES, maxHandles / 4);
  }

  /** Returns the process's open-file limit, or -1 where the JVM does not report it. */
  static long processMaxHandles() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }
}
