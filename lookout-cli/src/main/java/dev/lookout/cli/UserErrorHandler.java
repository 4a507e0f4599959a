package dev.lookout.cli;

import dev.lookout.store.StoreException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints errors caused by the user's input or environment as one line, without a stack trace, and
 * exits with status 2. Anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) throws Exception {
    if (exception instanceof IllegalArgumentException
        || exception instanceof IllegalStateException
        || exception instanceof StoreException
        || exception instanceof UncheckedIOException) {
      commandLine.getErr().println("lookout: " + exception.getMessage());
      return 2;
    }
    throw exception;
  }
}
