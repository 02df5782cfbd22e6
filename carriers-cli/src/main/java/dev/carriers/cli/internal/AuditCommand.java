package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.lifecycle.AuditEntry;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers audit}: lists the schema changes attempted on the database, newest first.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Lists every schema change attempted (migrate, rollback, baseline, reset), newest"
        + " first: who, what, when, how long, the outcome and the error.")
public final class AuditCommand extends DatabaseCommand {

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Show at most N entries (default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  /** Creates the command; picocli calls this. */
  public AuditCommand() {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    if (limit < 1) {
      throw new picocli.CommandLine.ParameterException(spec().commandLine(), "--limit " + limit
          + " makes no sense: give 1 or more");
    }
    List<AuditEntry> entries = migrations(url, "nothing was recorded", null).load().auditTrail(limit);
    print(json, document(url, document -> document.put("entries", Json.objects(entries, AuditCommand::put))),
        out -> lines(entries, out));
    return ExitCode.OK;
  }

  private static void put(AuditEntry entry, Map<String, Object> object) {
    object.put("id", entry.id());
    object.put("startedAt", entry.startedAt().toString());
    object.put("command", entry.command());
    object.put("arguments", entry.arguments());
    object.put("outcome", entry.outcome().name());
    object.put("fromVersion", entry.fromVersion());
    object.put("toVersion", entry.toVersion());
    object.put("versions", entry.versions());
    object.put("databaseUser", entry.databaseUser());
    object.put("osUser", entry.osUser());
    object.put("host", entry.host());
    object.put("durationMillis", entry.durationMillis());
    object.put("error", entry.error());
  }

  private static void lines(List<AuditEntry> entries, PrintWriter out) {
    if (entries.isEmpty()) {
      out.println("No schema change recorded yet.");
    }
    for (AuditEntry entry : entries) {
      out.println("#" + entry.id() + " " + entry.startedAt().truncatedTo(ChronoUnit.SECONDS) + " " + entry.command()
          + (entry.arguments().isEmpty() ? "" : " " + entry.arguments()) + " " + entry.outcome()
          + " " + version(entry.fromVersion()) + " -> " + version(entry.toVersion())
          + (entry.versions().isEmpty() ? "" : " [" + entry.versions() + "]")
          + " by " + entry.databaseUser() + " (" + entry.osUser() + "@" + entry.host() + ")"
          + (entry.durationMillis() == null ? "" : " in " + entry.durationMillis() + " ms")
          + (entry.error() == null ? "" : ": " + ErrorReport.firstLine(entry.error())));
    }
  }

  private static String version(String version) {
    return version == null ? "none" : version;
  }
}
