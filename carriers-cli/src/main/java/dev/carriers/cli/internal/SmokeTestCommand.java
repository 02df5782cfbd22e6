package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import dev.carriers.dao.CarrierDao;
import dev.carriers.dao.Carriers;
import dev.carriers.dao.CarriersHealth;
import dev.carriers.dao.NewCarrier;
import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationEntry;
import dev.carriers.schema.MigrationState;
import dev.carriers.schema.MigrationStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.schema.lifecycle.InvalidIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carriers smoke-test}: the check after a deployment's {@code migrate}. Health (the server
 * answers a round trip), status (every migration of this build applied, none failed, pending,
 * unknown or edited), indexes (none left invalid by a failed {@code CREATE INDEX CONCURRENTLY}), and
 * a canary: a carrier created, read back and deleted through {@link CarrierDao} (so through the
 * generated record classes and the DAO's validation) in a transaction that is rolled back, so
 * nothing is left behind. Health is {@link Carriers#health()}, the check services expose. Exits 0 only when every check passes.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "smoke-test", mixinStandardHelpOptions = true,
    description = "Post-migrate check: health (round trip), status up to date, no invalid index, and a"
        + " create/read/delete canary in a rolled-back transaction. Exits 0 when all pass, 22 otherwise.")
public final class SmokeTestCommand extends DatabaseCommand {

  /** The canary's name: recognisable if it ever showed up in a table. */
  static final String CANARY_NAME = "carriers smoke-test canary (rolled back)";

  @Option(names = "--json", description = "Print the checks as JSON.")
  private boolean json;

  /** Creates the command; picocli calls this. */
  public SmokeTestCommand() {
  }

  /** One check's result. */
  private record Check(String name, boolean passed, String detail) {
  }

  @Override
  protected ExitCode run(DatabaseUrl url) {
    CarriersMigrations migrations = migrations(url, TargetDatabase.CREATE_IT, null).load();
    DataSource dataSource = url.unpooledDataSource();
    List<Check> checks = new ArrayList<>();
    try (Carriers carriers = Carriers.configure().dataSource(dataSource).load()) {
      checks.add(health(carriers));
      checks.add(status(migrations.info()));
      checks.add(indexes(migrations.invalidIndexes()));
      checks.add(canary(carriers));
    }
    boolean passed = checks.stream().allMatch(Check::passed);
    print(json, document(url, document -> {
      document.put("passed", passed);
      document.put("checks", Json.objects(checks, (check, object) -> {
        object.put("check", check.name());
        object.put("passed", check.passed());
        object.put("detail", check.detail());
      }));
    }), out -> {
      out.println("Smoke test of " + url.jdbcUrl());
      for (Check check : checks) {
        out.println(String.format("%-4s  %-7s %s", check.passed() ? "ok" : "FAIL", check.name(), check.detail()));
      }
      out.println(passed ? "Smoke test passed." : "Smoke test FAILED: "
          + checks.stream().filter(check -> !check.passed()).map(Check::name).collect(Collectors.joining(", ")));
    });
    return passed ? ExitCode.OK : ExitCode.SMOKE_TEST_FAILED;
  }

  private static Check health(Carriers carriers) {
    CarriersHealth health = carriers.health();
    if (!health.reachable()) {
      return new Check("health", false, "not reachable: " + health.problemText().orElse("no answer"));
    }
    return new Check("health", true, "reachable, round trip "
        + (health.roundTrip().toNanos() / 1_000) / 1000.0 + " ms");
  }

  private static Check status(MigrationStatus status) {
    List<String> problems = new ArrayList<>();
    addProblem(problems, status.inState(MigrationState.FAILED), "failed");
    addProblem(problems, status.checksumMismatches(), "changed since applied");
    addProblem(problems, status.inState(MigrationState.UNKNOWN), "unknown to this build");
    addProblem(problems, status.pending(), "pending");
    String version = status.currentVersion() == null ? "none" : status.currentVersion();
    if (problems.isEmpty()) {
      return new Check("status", true, "schema version " + version + ", up to date");
    }
    return new Check("status", false, "schema version " + version + ": " + String.join("; ", problems)
        + "; run 'carriers status'");
  }

  private static void addProblem(List<String> problems, List<MigrationEntry> entries, String what) {
    if (!entries.isEmpty()) {
      problems.add(entries.size() + " " + what + " (" + entries.stream()
          .map(entry -> entry.version() == null ? entry.description() : entry.version())
          .collect(Collectors.joining(", ")) + ")");
    }
  }

  private static Check indexes(List<InvalidIndex> invalid) {
    if (invalid.isEmpty()) {
      return new Check("indexes", true, "every index valid");
    }
    return new Check("indexes", false, invalid.stream().map(InvalidIndex::describe).collect(Collectors.joining("; ")));
  }

  /** Thrown to roll the canary's transaction back, carrying what it found. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Check check;

    RolledBack(Check check) {
      super(null, null, false, false);
      this.check = check;
    }
  }

  private static Check canary(Carriers carriers) {
    try {
      carriers.inTransaction(tx -> {
        // Never wait behind a lock in production: a smoke test that blocks traffic is worse than none.
        tx.dsl().execute("set local lock_timeout = '2s'");
        tx.dsl().execute("set local statement_timeout = '10s'");
        String mcNumber = tx.dsl().resultQuery("select n::text from generate_series(99999999, 99990000, -1) n"
            + " where not exists (select 1 from carriers where mc_number = n::text) limit 1").fetchOne(0, String.class);
        CarrierDao dao = tx.carriers();
        CarrierRecord created = dao.create(NewCarrier.of(CANARY_NAME, mcNumber));
        CarrierRecord read = dao.findById(created.getId()).orElse(null);
        if (read == null || !CANARY_NAME.equals(read.getName()) || !mcNumber.equals(read.getMcNumber())) {
          throw new RolledBack(new Check("canary", false,
              "carrier #" + created.getId() + " read back differs from what was written"));
        }
        if (!dao.delete(created.getId()) || dao.findById(created.getId()).isPresent()) {
          throw new RolledBack(new Check("canary", false, "delete of carrier #" + created.getId() + " did not remove it"));
        }
        throw new RolledBack(new Check("canary", true, "created, read and deleted carrier #" + created.getId()
            + " (status " + read.getStatus() + ") in a transaction, rolled back"));
      });
      return new Check("canary", false, "the canary's transaction was not rolled back");
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RolledBack rolledBack) {
          return rolledBack.check;
        }
      }
      return new Check("canary", false, "create/read/delete failed: " + ErrorReport.describe(e));
    }
  }
}
