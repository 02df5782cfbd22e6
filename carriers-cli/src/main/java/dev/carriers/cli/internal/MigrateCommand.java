package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrateResult;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers migrate}: applies the pending migrations and prints the versions applied (or that
 * the database is up to date), then the schema version. With {@code --create-database}, creates a
 * missing database first.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Applies pending migrations, each in its own transaction, with a lock_timeout (retried"
        + " with backoff) so that it never queues traffic behind it. Recorded in the audit trail;"
        + " --on-failure-exec/--on-failure-file alert on failure.")
public final class MigrateCommand extends DatabaseCommand implements FailureHook {

  @Option(names = "--create-database",
      description = "Create the database first if it does not exist (connecting to the database"
          + " 'postgres' on the same server).")
  private boolean createDatabase;

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  @picocli.CommandLine.Mixin
  private ProgressOption progress;

  @picocli.CommandLine.Mixin
  private GuardOptions guards;

  @picocli.CommandLine.Mixin
  private FailureOptions onFailure;

  /** The database once the URL is resolved: a failure before that fires no hook, as none ran. */
  private String database;

  /** Creates the command; picocli calls this. */
  public MigrateCommand() {
  }

  @Override
  public void failed(ErrorReport report, SecretMask mask, PrintWriter err) {
    if (database != null) {
      onFailure.fire("migrate", database, report, mask, err);
    }
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    database = url.jdbcUrl();
    PrintWriter out = out();
    if (createDatabase && TargetDatabase.createIfMissing(url)) {
      out.println("Created database \"" + url.database() + "\".");
    }
    CarriersMigrations migrations = guards.applyTo(migrations(url, "pass --create-database to create it",
        progress.listener(err())))
        .listener(onFailure.listener())
        .load();
    MigrateResult result = migrations.migrate();
    // Flyway reports no target version when it applied nothing.
    String version = result.targetVersion() != null ? result.targetVersion() : result.initialVersion();
    print(json, document(url, document -> {
      document.put("initialVersion", result.initialVersion());
      document.put("currentVersion", version);
      document.put("applied", result.appliedVersions());
    }), text -> {
      if (result.appliedVersions().isEmpty()) {
        text.println("Database is up to date: no migration to apply.");
      } else {
        text.println("Applied " + result.migrationsApplied()
            + (result.migrationsApplied() == 1 ? " migration: " : " migrations: ")
            + String.join(", ", result.appliedVersions()));
      }
      text.println("Schema version " + (version == null ? "none" : version));
    });
    return ExitCode.OK;
  }
}
