package dev.carriers.schema.internal;

import dev.carriers.CarriersException;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.lifecycle.AuditEntry;
import dev.carriers.schema.lifecycle.AuditOutcome;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit table of schema changes, {@value #TABLE}: created by the tool itself (not by a
 * versioned migration, so that a failing first migration is recorded too) in its own schema (so
 * that {@code clean} does not drop it). Every write runs on its own autocommitted connection, so a
 * record survives the rollback of the migration it describes.
 *
 * <p>Thread-safe: holds only the data source.
 */
public final class AuditLog {

  /** The audit table, schema-qualified. */
  public static final String TABLE = "carriers_audit.schema_changes";

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  // Serializes the CREATE ... IF NOT EXISTS of concurrent first users (they race on pg_type).
  private static final long CREATE_LOCK = 77431708279161L - 1;

  private static final int MAX_ERROR = 4000;

  private final DataSource dataSource;
  private final boolean enabled;
  private final Supplier<String> currentVersion;

  /**
   * Creates the log for a database.
   *
   * @param dataSource the database
   * @param enabled whether {@link #around} records anything; {@link #list} reads the table regardless
   * @param currentVersion reads the schema version for a record, null when there is none
   */
  public AuditLog(DataSource dataSource, boolean enabled, Supplier<String> currentVersion) {
    this.dataSource = dataSource;
    this.enabled = enabled;
    this.currentVersion = currentVersion;
  }

  /**
   * What a schema change did, for its record.
   *
   * @param fromVersion the version before, or null to keep the one read at the start
   * @param toVersion the version after, or null
   * @param versions the versions applied or undone
   */
  public record Change(String fromVersion, String toVersion, List<String> versions) {
  }

  /**
   * Runs one of the library's own schema changes as one record, its refusals told by their kinds.
   *
   * @param command the command, such as {@code migrate}
   * @param arguments its arguments, or empty
   * @param work the change
   * @param describe what the change did, from its result; null to read the version after it
   * @param <T> the change's result
   * @return the change's result
   * @throws MigrationException if the start cannot be recorded: the change is then not attempted
   */
  public <T> T around(String command, String arguments, Supplier<T> work, Function<? super T, Change> describe) {
    return around(command, arguments, work, describe, e -> false);
  }

  /**
   * Runs a schema change as one record: {@code RUNNING} before it starts, then {@code SUCCEEDED},
   * {@code REFUSED} (a {@link CarriersException} whose kind is a refusal, or what {@code refusal}
   * accepts: nothing was changed) or {@code FAILED}. Changes run inside it record their own entries.
   * When auditing is off, only runs it.
   *
   * @param command the command, such as {@code migrate}
   * @param arguments its arguments, or empty
   * @param work the change
   * @param describe what the change did, from its result; null to read the version after it
   * @param refusal tells the caller's own refusals apart from failures
   * @param <T> the change's result
   * @return the change's result
   * @throws MigrationException if the start cannot be recorded: the change is then not attempted
   */
  public <T> T around(String command, String arguments, Supplier<T> work, Function<? super T, Change> describe,
      Predicate<? super RuntimeException> refusal) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(refusal, "refusal");
    if (!enabled) {
      return work.get();
    }
    Attempt attempt = begin(command, arguments, currentVersion.get());
    T result;
    try {
      result = work.get();
    } catch (RuntimeException e) {
      boolean refused = (e instanceof CarriersException carriers && carriers.kind().isRefusal()) || refusal.test(e);
      attempt.finish(refused ? AuditOutcome.REFUSED : AuditOutcome.FAILED, null, currentVersion.get(), List.of(), e);
      throw e;
    } catch (Error e) {
      attempt.finish(AuditOutcome.FAILED, null, currentVersion.get(), List.of(), e);
      throw e;
    }
    // A change that reports no versions of its own (a clean, a composed operation) is described by
    // the version it left.
    Change change = describe == null ? new Change(null, currentVersion.get(), List.of()) : describe.apply(result);
    attempt.finish(AuditOutcome.SUCCEEDED, change.fromVersion(), change.toVersion(), change.versions(), null);
    return result;
  }

  /**
   * Records the start of an attempt, creating the table first if needed.
   *
   * @param command the command
   * @param arguments its arguments, or empty
   * @param fromVersion the version seen at start, or null
   * @return the attempt, to finish with {@link Attempt#finish}
   * @throws MigrationException if the record cannot be written: the change is then not attempted
   */
  private Attempt begin(String command, String arguments, String fromVersion) {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      ensureTable(connection);
      try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
          + " (command, arguments, database_user, os_user, host, client_address, outcome, from_version)"
          + " values (?, ?, current_user, ?, ?, inet_client_addr(), 'RUNNING', ?) returning id")) {
        insert.setString(1, command);
        insert.setString(2, arguments);
        insert.setString(3, System.getProperty("user.name"));
        insert.setString(4, hostName());
        insert.setString(5, fromVersion);
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          return new Attempt(row.getLong(1), started);
        }
      }
    } catch (SQLException e) {
      throw new MigrationException(command + " refused: cannot write the audit record to " + TABLE + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Lists the newest entries first.
   *
   * @param limit at most this many
   * @return the entries; empty when the table does not exist yet
   * @throws MigrationException if the database cannot be read
   */
  public List<AuditEntry> list(int limit) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("select to_regclass('" + TABLE + "') is not null")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return List.of();
        }
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select id, command, arguments,"
          + " database_user, os_user, host, started_at, duration_ms, outcome, from_version, to_version,"
          + " versions, error from " + TABLE + " order by id desc limit ?")) {
        select.setInt(1, limit);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long duration = rows.getLong(8);
            entries.add(new AuditEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant(),
                rows.wasNull() ? null : duration, AuditOutcome.valueOf(rows.getString(9)), rows.getString(10),
                rows.getString(11), rows.getString(12), rows.getString(13)));
          }
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new MigrationException("audit failed: reading " + TABLE + ": " + e.getMessage(), e);
    }
  }

  private static void ensureTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery("select to_regclass('" + TABLE + "') is not null")) {
        exists.next();
        if (exists.getBoolean(1)) {
          return;
        }
      }
      LifecycleContext.inTransaction(connection, () -> {
        statement.execute("select pg_advisory_xact_lock(" + CREATE_LOCK + ")");
        statement.execute("create schema if not exists carriers_audit");
        statement.execute("create table if not exists " + TABLE + " ("
            + " id bigint generated always as identity primary key,"
            + " command text not null,"
            + " arguments text not null default '',"
            + " database_user text not null,"
            + " os_user text,"
            + " host text,"
            + " client_address inet,"
            + " started_at timestamptz not null default clock_timestamp(),"
            + " finished_at timestamptz,"
            + " duration_ms bigint,"
            + " outcome text not null check (outcome in ('RUNNING', 'SUCCEEDED', 'REFUSED', 'FAILED')),"
            + " from_version text,"
            + " to_version text,"
            + " versions text not null default '',"
            + " error text)");
        statement.execute("comment on table " + TABLE + " is 'Every schema change attempted by the carriers"
            + " tool (migrate, rollback, baseline, reset), written outside the change''s own transaction.'");
      });
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | SecurityException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown" : env;
    }
  }

  /** One attempt in progress; {@link #finish} records how it ended. Not thread-safe. */
  private final class Attempt {

    private final long id;
    private final long startedNanos;

    private Attempt(long id, long startedNanos) {
      this.id = id;
      this.startedNanos = startedNanos;
    }

    /**
     * Records the end. A failure to write is logged, not thrown: the change itself is done (or
     * undone) by now, and the caller must learn how it went.
     *
     * @param outcome how it ended
     * @param fromVersion the version before, or null to keep the one recorded at start
     * @param toVersion the version after, or null
     * @param versions the versions applied or undone
     * @param error the error, or null
     */
    public void finish(AuditOutcome outcome, String fromVersion, String toVersion, List<String> versions,
        Throwable error) {
      long millis = (System.nanoTime() - startedNanos) / 1_000_000;
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (PreparedStatement update = connection.prepareStatement("update " + TABLE
            + " set finished_at = clock_timestamp(), duration_ms = ?, outcome = ?,"
            + " from_version = coalesce(?, from_version), to_version = ?, versions = ?, error = ? where id = ?")) {
          update.setLong(1, millis);
          update.setString(2, outcome.name());
          update.setString(3, fromVersion);
          update.setString(4, toVersion);
          update.setString(5, String.join(",", versions));
          update.setString(6, error == null ? null : truncate(messageOf(error)));
          update.setLong(7, id);
          update.executeUpdate();
        }
      } catch (SQLException e) {
        LOG.warn("Could not record the end of schema change {} in {}: {}", id, TABLE, e.getMessage());
      }
    }
  }

  private static String messageOf(Throwable error) {
    return error.getMessage() == null ? error.getClass().getName() : error.getMessage();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "...";
  }
}
