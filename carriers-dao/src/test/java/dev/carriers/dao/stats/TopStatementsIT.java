package dev.carriers.dao.stats;

import static dev.carriers.dao.stats.StatsFixtures.check;
import static dev.carriers.dao.stats.StatsFixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The top statements from pg_stat_statements, which the machine's primary preloads: the extension
 * is created in the test's own database. A server without the preload cannot be had here without a
 * restart, so the message for it is not tested against a server.
 */
class TopStatementsIT {

  private static boolean preloaded(TestDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
        var rows = statement.executeQuery("select current_setting('shared_preload_libraries')")) {
      rows.next();
      return rows.getString(1).contains("pg_stat_statements");
    }
  }

  @Test
  void theSlowestStatements_areListed_withTheirTimes(@CarriersDatabase(migrate = false) TestDatabase database)
      throws SQLException {
    assumeTrue(preloaded(database), "the server does not preload pg_stat_statements");
    execute(database.dataSource(), "create extension if not exists pg_stat_statements");
    String[] sleeps = new String[12];
    java.util.Arrays.fill(sleeps, "select pg_sleep(0.01)");
    execute(database.dataSource(), sleeps);
    execute(database.dataSource(), "select 1");

    CheckResult result = check(database.dataSource(), StatsCheck.TOP_STATEMENTS, new Threshold(5, 10_000, 10));
    assertThat(result.status()).isEqualTo(CheckStatus.WARN);
    Finding sleep = result.findings().stream().filter(finding -> finding.detail().contains("pg_sleep")).findFirst()
        .orElseThrow();
    assertThat(sleep.status()).isEqualTo(CheckStatus.WARN);
    assertThat(sleep.attributes()).containsEntry("calls", 12L).containsKeys("total_ms", "mean_ms", "rows", "queryid");
    assertThat((double) sleep.attributes().get("mean_ms")).isGreaterThanOrEqualTo(10.0);
    assertThat(result.summary()).contains("worst: query " + sleep.attributes().get("queryid"));
  }

  @Test
  void withoutTheExtension_saysExactlyWhatToRun(@CarriersDatabase(migrate = false) TestDatabase database)
      throws SQLException {
    assumeTrue(preloaded(database), "the server does not preload pg_stat_statements");
    CheckResult result = check(database.dataSource(), StatsCheck.TOP_STATEMENTS, StatsCheck.TOP_STATEMENTS.defaults());
    assertThat(result.status()).isEqualTo(CheckStatus.UNAVAILABLE);
    assertThat(result.summary()).isEqualTo("the pg_stat_statements extension is not created in database "
        + database.name() + " (the library is preloaded)");
    assertThat(result.fix()).isEqualTo("in database " + database.name()
        + ", as a superuser: CREATE EXTENSION IF NOT EXISTS pg_stat_statements;");
    StatsReport report = DatabaseStats.configure().dataSource(database.dataSource())
        .checks(StatsCheck.TOP_STATEMENTS).load().run();
    assertThat(report.status()).as("unavailable raises no alert").isEqualTo(CheckStatus.OK);
  }
}
