package dev.lookout.cli;

/** Entry point of the {@code lookout} command. */
public final class LookoutCommand {
  private LookoutCommand() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
