package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level {@code carriers} command: holds the subcommands and what every invocation shares
 * (the environment and the secrets to mask). Without a subcommand it is a usage error.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(
    name = "carriers",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Migrates, seeds, inspects, rolls back and audits a carriers database; lints its migrations.",
    subcommands = {
        MigrateCommand.class,
        StatusCommand.class,
        ValidateCommand.class,
        DryRunCommand.class,
        RollbackCommand.class,
        BaselineCommand.class,
        ResetCommand.class,
        SeedCommand.class,
        SmokeTestCommand.class,
        StatsCommand.class,
        AuditCommand.class,
        LintCommand.class,
        CommandLine.HelpCommand.class
    })
public final class RootCommand {

  private final Map<String, String> environment;
  private final SecretMask secretMask;

  private RootCommand(Map<String, String> environment, SecretMask secretMask) {
    this.environment = Map.copyOf(environment);
    this.secretMask = secretMask;
  }

  /**
   * Builds the command line for one invocation: output streams, error handlers and the exit code
   * list in every command's help.
   *
   * @param out where results go
   * @param err where errors go
   * @param environment the environment variables to consult
   * @param args the arguments, scanned for passwords to keep out of error messages
   * @return the command line, ready to {@code execute(args)}
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err,
      Map<String, String> environment, String... args) {
    SecretMask secretMask = SecretMask.of(environment, args);
    CommandLine commandLine = new CommandLine(new RootCommand(environment, secretMask));
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (ExitCode exitCode : ExitCode.values()) {
      exitCodes.put(String.format("%3d", exitCode.code()), exitCode.description());
    }
    applyExitCodeList(commandLine, exitCodes);
    ErrorHandler errorHandler = new ErrorHandler(secretMask);
    commandLine.setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(errorHandler)
        .setExecutionExceptionHandler(errorHandler);
    return commandLine;
  }

  private static void applyExitCodeList(CommandLine commandLine, Map<String, String> exitCodes) {
    if (!(commandLine.getCommand() instanceof CommandLine.HelpCommand)) {
      commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
          .exitCodeList(exitCodes);
    }
    commandLine.getSubcommands().values().forEach(sub -> applyExitCodeList(sub, exitCodes));
  }

  /**
   * Returns the root command of the invocation a command belongs to.
   *
   * @param spec any command's spec in the invocation
   * @return the root
   */
  static RootCommand of(CommandSpec spec) {
    return (RootCommand) spec.root().userObject();
  }

  /** Returns the environment variables of this invocation. */
  Map<String, String> environment() {
    return environment;
  }

  /** Returns the mask for this invocation's secrets. */
  SecretMask secretMask() {
    return secretMask;
  }
}
