package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * What the lifecycle operations share: the database, the configured Flyway, where the migrations
 * and their reverse scripts live, and how long to wait for the schema lock.
 *
 * @param dataSource the database
 * @param flyway Flyway, configured with the migration locations
 * @param classLoader the class loader of {@code classpath:} locations
 * @param locations the migration locations
 * @param rollbackLocations the reverse-script locations
 * @param lockWait how long to wait for the schema lock
 * @param progress told one line per migration rolled back or dry-run
 */
public record LifecycleContext(DataSource dataSource, Flyway flyway, ClassLoader classLoader,
    List<String> locations, List<String> rollbackLocations, Duration lockWait,
    java.util.function.Consumer<String> progress) {

  /** Lists the migrations of this build. */
  public ScriptCatalog migrations() {
    return ScriptCatalog.scan(classLoader, locations);
  }

  /** Lists the reverse scripts of this build. */
  public ScriptCatalog reverseScripts() {
    return ScriptCatalog.scan(classLoader, rollbackLocations);
  }

  /**
   * Returns the history table of a connection.
   *
   * @param connection the connection
   * @return the history table
   * @throws SQLException on failure
   */
  public HistoryTable historyTable(Connection connection) throws SQLException {
    return HistoryTable.of(connection, flyway.getConfiguration().getTable());
  }

  /**
   * Returns whether Flyway would run a migration outside a transaction, asking Flyway where it can
   * tell and reading the script otherwise.
   *
   * @param info the migration
   * @param script the parsed script
   * @return whether it cannot run in a transaction
   */
  public static boolean nonTransactional(MigrationInfo info, SqlScript script) {
    if (!script.canRunInTransaction()) {
      return true;
    }
    if (info instanceof MigrationInfoImpl impl && impl.getResolvedMigration() != null
        && impl.getResolvedMigration().getExecutor() != null) {
      return !impl.getResolvedMigration().getExecutor().canExecuteInTransaction();
    }
    return false;
  }

  /**
   * Runs every statement of a script on a connection, in whatever transaction mode it is in.
   *
   * @param connection the connection
   * @param script the script
   * @throws SQLException on the first failing statement
   */
  public static void execute(Connection connection, SqlScript script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : script.statements()) {
        statement.execute(sql);
      }
    }
  }

  /**
   * Returns the file name of a Flyway script path, which may name a sub-folder.
   *
   * @param script the script path
   * @return the file name
   */
  public static String fileName(String script) {
    return script.substring(script.lastIndexOf('/') + 1);
  }

  /**
   * Reads a migration's script from this build.
   *
   * @param info the migration
   * @param catalog the build's migrations
   * @return the script
   * @throws MigrationException if the build has no such file
   */
  public static ScriptCatalog.Script scriptOf(MigrationInfo info, ScriptCatalog catalog) {
    ScriptCatalog.Script script = catalog.byFileName(fileName(info.getScript()));
    if (script == null) {
      throw new MigrationException("migration " + info.getScript() + " is not a SQL script under the"
          + " configured locations; only SQL migrations are supported here", null);
    }
    return script;
  }
}
