package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationsConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * What the lifecycle commands share: the database, the configured Flyway, where the migrations
 * and their reverse scripts live, and how long to wait for the schema lock.
 *
 * @param dataSource the database, each connection with the migration timeouts set
 * @param flyway Flyway, configured with the migration locations
 * @param classLoader the class loader of {@code classpath:} locations
 * @param locations the migration locations
 * @param rollbackLocations the reverse-script locations
 * @param lockWait how long to wait for the schema lock
 * @param progress told one line per migration rolled back or dry-run
 */
public record LifecycleContext(DataSource dataSource, Flyway flyway, ClassLoader classLoader,
    List<String> locations, List<String> rollbackLocations, Duration lockWait, Consumer<String> progress) {

  /**
   * Configures Flyway from the settings: the locations, clean only when enabled, the timeouts on
   * every session, and the given callbacks.
   *
   * @param configuration the settings
   * @param classLoader the class loader of {@code classpath:} locations
   * @param callbacks more Flyway callbacks, such as the migration timing and progress line
   * @return the context
   * @throws MigrationException if Flyway rejects the settings (a location it cannot parse)
   */
  public static LifecycleContext of(MigrationsConfiguration configuration, ClassLoader classLoader,
      Callback... callbacks) {
    SessionSettings timeouts = new SessionSettings(configuration.lockTimeout(), configuration.statementTimeout());
    List<Callback> all = new ArrayList<>(List.of(timeouts));
    all.addAll(List.of(callbacks));
    Flyway flyway;
    try {
      FluentConfiguration flywayConfiguration = Flyway.configure(classLoader)
          .dataSource(configuration.dataSource())
          .locations(configuration.locations().toArray(String[]::new))
          .cleanDisabled(!configuration.cleanEnabled())
          .failOnMissingLocations(true)
          .validateMigrationNaming(true)
          .lockRetryCount((int) Math.max(1, configuration.lockWait().toSeconds()))
          .callbacks(all.toArray(Callback[]::new));
      // A session-level lock, not one held in an open transaction on a second connection: CREATE
      // INDEX CONCURRENTLY waits for every open transaction, so with Flyway's default (a
      // transactional lock) such a migration would wait for Flyway itself forever.
      flywayConfiguration.getConfigurationExtension(PostgreSQLConfigurationExtension.class)
          .setTransactionalLock(false);
      flyway = flywayConfiguration.load();
    } catch (FlywayException e) {
      throw FlywayErrorTranslator.translate("configuring the migrations failed", e);
    }
    Consumer<String> progress = configuration.progress() == null ? line -> { } : configuration.progress();
    return new LifecycleContext(timeouts.wrap(configuration.dataSource()), flyway, classLoader,
        configuration.locations(), configuration.rollbackLocations(), configuration.lockWait(), progress);
  }

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
   * Returns the current version, for an audit record: the latest successful versioned migration.
   *
   * @return the version, or null when none is applied or the database cannot be read
   */
  public String currentVersionOrNull() {
    try (Connection connection = dataSource.getConnection()) {
      return historyTable(connection).currentVersion(connection);
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * Calls Flyway, translating its failure: the one way the commands use Flyway, so that none of
   * its exceptions leaves the front.
   *
   * @param what what failed when it fails, such as {@code rollback failed: reading the history}
   * @param call what to ask Flyway
   * @param <T> the answer
   * @return Flyway's answer
   * @throws MigrationException if Flyway fails
   */
  public <T> T withFlyway(String what, Function<Flyway, T> call) {
    try {
      return call.apply(flyway);
    } catch (FlywayException e) {
      throw FlywayErrorTranslator.translate(what, e);
    }
  }

  /**
   * Returns whether a migration must run outside a transaction: it holds a statement PostgreSQL
   * refuses in one ({@link SqlScript#canRunInTransaction()}), or its Flyway script configuration
   * says {@code executeInTransaction=false}.
   *
   * @param script the migration's file
   * @param sql the parsed script
   * @return whether it cannot run in a transaction
   */
  public static boolean nonTransactional(ScriptCatalog.Script script, SqlScript sql) {
    return !sql.canRunInTransaction() || !script.executeInTransaction();
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

  /** Work on a connection, which may fail with the driver's exception. */
  @FunctionalInterface
  public interface SqlWork {

    /**
     * Does the work.
     *
     * @throws SQLException on failure
     */
    void run() throws SQLException;
  }

  /**
   * Runs work in one transaction on a connection in autocommit mode: commits it, or rolls it back
   * when it throws, and leaves the connection in autocommit mode again.
   *
   * @param connection the connection
   * @param work the work, on that connection
   * @throws SQLException the work's failure, after the rollback
   */
  public static void inTransaction(Connection connection, SqlWork work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
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
