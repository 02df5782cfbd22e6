package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.lifecycle.RollbackResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code carriers rollback}: undoes the last N migrations (default 1) or every migration above a
 * version, with their reverse scripts, each in its own transaction.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Undoes the last N migrations (default 1) or those above --to VERSION with their"
        + " reverse scripts, each in its own transaction; a later migrate applies them again."
        + " Refused, with nothing changed, when the target is unknown, a reverse script is missing,"
        + " or the database has migrations this build does not know. Recorded in the audit trail.")
public final class RollbackCommand extends DatabaseCommand {

  /** Exactly one way to say how far. */
  static final class Target {
    @Option(names = "--steps", paramLabel = "N", description = "Undo the last N migrations.")
    Integer steps;

    @Option(names = "--to", paramLabel = "VERSION",
        description = "Undo every migration above VERSION, which stays applied (0: undo all).")
    String version;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private Target target;

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  @Mixin
  private ProgressOption progress;

  /** Creates the command; picocli calls this. */
  public RollbackCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    CarriersMigrations migrations = migrations(url, "there is nothing to roll back", progress.listener(err())).load();
    RollbackResult result = target != null && target.version != null ? migrations.rollbackTo(target.version)
        : migrations.rollback(target != null && target.steps != null ? target.steps : 1);
    print(json, document(url, document -> {
      document.put("initialVersion", result.initialVersion());
      document.put("currentVersion", result.currentVersion());
      document.put("rolledBack", result.rolledBackVersions());
    }), out -> {
      int count = result.rolledBackVersions().size();
      out.println(count == 0 ? "Nothing to roll back."
          : "Rolled back " + count + (count == 1 ? " migration: " : " migrations: ")
              + String.join(", ", result.rolledBackVersions()));
      out.println("Schema version " + (result.currentVersion() == null ? "none" : result.currentVersion()));
    });
    return ExitCode.OK;
  }
}
