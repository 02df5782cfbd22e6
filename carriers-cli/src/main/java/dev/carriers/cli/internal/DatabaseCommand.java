package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationsConfiguration;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the subcommands that work on a database: mixes in {@code --url} and {@code --verbose},
 * sets the log level, resolves the URL and hands it to {@link #run(DatabaseUrl)}. A failure is
 * thrown, never printed here: {@link ErrorHandler} turns it into one line and an exit code. A
 * command with {@code --json} prints its result through {@link #print}, so every JSON document
 * starts with the database and the choice between JSON and text is made in one place.
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

  /**
   * Checks that the database can be reached and configures the migrations of this build on it:
   * every command that reads or changes the schema starts here.
   *
   * @param url the database
   * @param missingHint what to tell the user to do if the database does not exist
   * @param progress where a line per migration goes ({@link ProgressOption#listener}), or null
   * @return the configuration, for the command to add to and load
   * @throws CommandFailure with the exit code of the database missing, unreachable or refusing the
   *     credentials
   */
  protected static MigrationsConfiguration migrations(DatabaseUrl url, String missingHint, Consumer<String> progress) {
    TargetDatabase.check(url, missingHint);
    MigrationsConfiguration configuration = CarriersMigrations.configure().dataSource(url.unpooledDataSource());
    return progress == null ? configuration : configuration.progress(progress);
  }

  /**
   * Builds a command's JSON document: {@code database} (the URL without a password) first, then
   * the command's own fields.
   *
   * @param url the database
   * @param fields puts the command's fields, in the order they are printed
   * @return the document
   */
  protected static Map<String, Object> document(DatabaseUrl url, Consumer<Map<String, Object>> fields) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("database", url.jdbcUrl());
    fields.accept(document);
    return document;
  }

  /**
   * Prints a command's result: the JSON document (and a newline) with {@code --json}, else the text.
   *
   * @param json whether {@code --json} was given
   * @param document the result as JSON, from {@link #document}
   * @param text prints the result as text
   */
  protected final void print(boolean json, Map<String, Object> document, Consumer<PrintWriter> text) {
    if (json) {
      out().print(Json.write(document) + "\n");
    } else {
      text.accept(out());
    }
  }
}
