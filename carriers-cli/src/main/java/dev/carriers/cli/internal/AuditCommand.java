package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.schema.lifecycle.AuditEntry;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    TargetDatabase.check(url, "nothing was recorded");
    List<AuditEntry> entries = Migrations.on(url, null).load().auditTrail(limit);
    PrintWriter out = out();
    if (json) {
      List<Object> list = new ArrayList<>();
      for (AuditEntry entry : entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", entry.id());
        map.put("startedAt", entry.startedAt().toString());
        map.put("command", entry.command());
        map.put("arguments", entry.arguments());
        map.put("outcome", entry.outcome().name());
        map.put("fromVersion", entry.fromVersion());
        map.put("toVersion", entry.toVersion());
        map.put("versions", entry.versions());
        map.put("databaseUser", entry.databaseUser());
        map.put("osUser", entry.osUser());
        map.put("host", entry.host());
        map.put("durationMillis", entry.durationMillis());
        map.put("error", entry.error());
        list.add(map);
      }
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("database", url.jdbcUrl());
      document.put("entries", list);
      out.print(Json.write(document) + "\n");
      return ExitCode.OK;
    }
    if (entries.isEmpty()) {
      out.println("No schema change recorded yet.");
      return ExitCode.OK;
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
    return ExitCode.OK;
  }

  private static String version(String version) {
    return version == null ? "none" : version;
  }
}
