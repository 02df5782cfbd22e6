package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands that work on a database: mixes in {@code --url} and {@code --verbose},
 * sets the log level, resolves the URL and hands it to {@link #run(DatabaseUrl)}. A failure is
 * thrown, never printed here: {@link ErrorHandler} turns it into one line and an exit code.
 *
 * <p>One instance per invocation; not thread-safe.
 */
public abstract class DatabaseCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private DatabaseOptions databaseOptions;

  @Mixin
  private VerboseOption verboseOption;

  /** For subclasses. */
  protected DatabaseCommand() {
  }

  /**
   * Runs the command: sets the log level, resolves the database URL and calls {@link #run}.
   *
   * @return the exit code
   */
  @Override
  public final Integer call() {
    Logging.configure(verboseOption.isVerbose());
    DatabaseUrl url = databaseOptions.resolve(RootCommand.of(spec).environment());
    return run(url).code();
  }

  /**
   * Does the command's work.
   *
   * @param url the database, resolved from {@code --url}, {@code DATABASE_URL} or the default
   * @return the exit code
   */
  protected abstract ExitCode run(DatabaseUrl url);

  /** Returns this command's picocli spec. */
  protected final CommandSpec spec() {
    return spec;
  }

  /** Returns where errors and progress lines go. */
  protected final PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Returns where results go. */
  protected final PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
