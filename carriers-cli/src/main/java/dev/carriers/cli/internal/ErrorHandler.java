package dev.carriers.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one masked line on standard error ({@code carriers: ...}), plus its stack
 * trace under {@code --verbose}, and returns its exit code. Handles both bad command lines (exit
 * code 2) and failures while a command runs, classified once ({@link ErrorReport}) and told to the
 * command's {@link FailureHook} first.
 *
 * <p>Immutable; thread-safe.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

  private static final String PREFIX = "carriers: ";

  private final SecretMask secretMask;

  ErrorHandler(SecretMask secretMask) {
    this.secretMask = secretMask;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    // picocli echoes unmatched arguments, which may be a URL with a password.
    err.println(PREFIX + secretMask.apply(ErrorReport.firstLine(ex.getMessage())));
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
      StringWriter suggestions = new StringWriter();
      CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, new PrintWriter(suggestions));
      if (!suggestions.toString().isBlank()) {
        err.print(secretMask.apply(suggestions.toString()));
      }
    }
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    ErrorReport report = ErrorReport.of(ex);
    PrintWriter err = commandLine.getErr();
    // Classified once: the command's failure hooks get exactly the line and code printed.
    if (commandLine.getCommand() instanceof FailureHook hook) {
      hook.failed(report, secretMask, err);
    }
    err.println(PREFIX + secretMask.apply(report.line()));
    if (isVerbose(commandLine)) {
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      err.print(secretMask.apply(trace.toString()));
    }
    err.flush();
    return report.exitCode().code();
  }

  private static boolean isVerbose(CommandLine commandLine) {
    ParseResult parseResult = commandLine.getParseResult();
    return parseResult != null && parseResult.hasMatchedOption(VerboseOption.NAME);
  }
}
