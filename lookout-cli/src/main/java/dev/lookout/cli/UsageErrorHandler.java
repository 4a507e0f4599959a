package dev.lookout.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a mistyped command line (an unknown option, a missing value, a value of the wrong type) as
 * one line that names the command's help, instead of the whole usage text. Exits with status 2, as
 * the other input errors do.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    // picocli checks required options before it reports unknown ones, so a mistyped required
    // option (--windw for --window) would read as a missing one. Name the typo instead.
    if (exception instanceof MissingParameterException
        && !commandLine.getUnmatchedArguments().isEmpty()) {
      exception = new UnmatchedArgumentException(commandLine, commandLine.getUnmatchedArguments());
    }
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandSpec().qualifiedName();
    err.println(
        "lookout: " + exception.getMessage() + "; see '" + command + " --help' for the options");
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.flush();
    return 2;
  }
}
