package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.BaselineRefusedException;
import dev.carriers.schema.lifecycle.BaselineResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Adopts a database whose tables predate the migrations: derives the expected shape by applying
 * the migrations up to the baseline version into a scratch schema inside a transaction that is
 * rolled back, compares it with the database's current schema, and only when they match records
 * the baseline in Flyway's history, so that {@code migrate} applies the later versions.
 *
 * <p>Thread-safe: one call per baseline, no shared state.
 *
 * @param context the shared context
 */
public record Baseline(LifecycleContext context) {

  private static final String PROBE_SCHEMA = "carriers_baseline_probe";

  /**
   * Returns the default baseline version: the first migration of this build.
   *
   * @return the version, as Flyway prints it
   * @throws BaselineRefusedException if the build has no migrations
   */
  public String defaultVersion() {
    List<ScriptCatalog.Script> scripts = context.migrations().scripts();
    if (scripts.isEmpty()) {
      throw new BaselineRefusedException("baseline refused: this build has no migrations", List.of());
    }
    return scripts.get(0).versionText();
  }

  /**
   * Verifies the shape and records the baseline.
   *
   * @param versionText the version the database is at
   * @return what was recorded
   * @throws BaselineRefusedException if the version is not one, or the database is already under
   *     migration control, has none of the tables, or differs in shape
   */
  public BaselineResult run(String versionText) {
    MigrationVersion version;
    try {
      version = MigrationVersion.fromVersion(versionText.trim());
    } catch (RuntimeException e) {
      // Flyway throws its own exception for a malformed version; none may leave the front.
      throw new BaselineRefusedException("baseline refused: \"" + versionText + "\" is not a version", List.of());
    }
    String label = "version " + version.getVersion();
    try (Connection connection = context.dataSource().getConnection()) {
      connection.setAutoCommit(true);
      HistoryTable history = context.historyTable(connection);
      if (history.exists(connection) && count(connection, "select count(*) from " + history.qualified()) > 0) {
        throw new BaselineRefusedException("baseline refused: the database is already under migration control ("
            + history.qualified() + " has rows); use migrate", List.of());
      }
      if (context.migrations().byVersion(version) == null) {
        throw new BaselineRefusedException("baseline refused: this build has no migration " + version.getVersion(),
            List.of());
      }
      SchemaShape expected = expectedShape(connection, version);
      SchemaShape actual = SchemaShape.read(connection, history.schema());
      boolean anyPresent = expected.tableNames().stream().anyMatch(actual.tableNames()::contains);
      if (!anyPresent) {
        throw new BaselineRefusedException("baseline refused: nothing to adopt: schema " + history.schema()
            + " has none of the tables of " + label + " (" + String.join(", ", expected.tableNames())
            + "); use migrate", List.of());
      }
      List<String> differences = actual.differencesFrom(expected, label);
      if (!differences.isEmpty()) {
        throw new BaselineRefusedException("baseline refused: schema " + history.schema()
            + " does not match " + label, differences);
      }
      Flyway flyway = Flyway.configure(context.classLoader())
          .configuration(context.flyway().getConfiguration())
          .baselineVersion(version)
          .baselineDescription("adopted existing schema at " + label)
          .load();
      flyway.baseline();
      return new BaselineResult(version.getVersion(), expected.tableNames());
    } catch (SQLException e) {
      throw new MigrationException("baseline failed: " + e.getMessage(), e);
    } catch (FlywayException e) {
      throw FlywayErrorTranslator.translate("baseline failed", e);
    }
  }

  private SchemaShape expectedShape(Connection connection, MigrationVersion version) throws SQLException {
    ScriptCatalog catalog = context.migrations();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("create schema " + PROBE_SCHEMA);
      statement.execute("set local search_path to " + PROBE_SCHEMA);
      for (ScriptCatalog.Script script : catalog.scripts()) {
        if (script.version().compareTo(version) > 0) {
          break;
        }
        SqlScript sql = SqlScript.parse(script.read());
        if (!sql.canRunInTransaction()) {
          throw new BaselineRefusedException("baseline refused: migration " + script.fileName()
              + " cannot run in a transaction, so its shape cannot be derived", List.of());
        }
        try {
          LifecycleContext.execute(connection, sql);
        } catch (SQLException e) {
          throw new MigrationException("baseline failed: applying " + script.fileName()
              + " to a scratch schema to learn its shape: " + e.getMessage(), e);
        }
      }
      return SchemaShape.read(connection, PROBE_SCHEMA);
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
