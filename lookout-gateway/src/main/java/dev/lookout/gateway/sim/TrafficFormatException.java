package dev.lookout.gateway.sim;

import java.io.IOException;

/** Thrown when a line of a traffic JSONL file is not a valid traffic record. */
public final class TrafficFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  public TrafficFormatException(String file, int line, String problem) {
    super(file + " line " + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** Returns the name of the file (or classpath resource) that contains the bad line. */
  public String file() {
    return file;
  }

  /** Returns the 1-based number of the bad line. */
  public int line() {
    return line;
  }
}
