package dev.carriers.postgres.internal;

import static dev.carriers.SqlIdentifier.quote;

import dev.carriers.postgres.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's administrative connection to one server: it creates, clones and drops throwaway
 * databases and holds the JVM's lease.
 *
 * <p>The lease is a session-level advisory lock keyed by a random run id that is also part of every
 * database name this JVM creates ({@code carriers_tmp_<runid>_<n>}). The lock lives exactly as long
 * as this JVM's connection, so when another JVM finds a throwaway database whose run id's lock it
 * can take, the owner is gone and the database is an orphan from a crash: it is dropped. Databases
 * of live JVMs are never touched. The same {@link #sweep sweep} serves any other kind of database
 * whose users hold an advisory lock (the test kit's templates).
 *
 * <p>Thread-safe: statements on the shared connection are serialized.
 */
public final class AdminSession {

  /** Advisory lock class (first key) of the leases: "CAR1". */
  static final int LEASE_LOCK_CLASS = 0x43415231;

  /** Prefix of the throwaway databases. */
  public static final String DATABASE_PREFIX = "carriers_tmp_";

  private static final Logger LOG = LoggerFactory.getLogger(AdminSession.class);
  private static final Map<PostgresServer, AdminSession> SESSIONS = new ConcurrentHashMap<>();

  private final PostgresServer server;
  private final int runId;
  private final String runName;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Connection connection;
  private final Object backgroundLock = new Object();
  private Connection background;

  /**
   * A database a sweep looks at.
   *
   * @param name its name
   * @param template whether it is marked as a template (which must be undone before dropping it)
   * @param comment its database comment, or null
   */
  public record Candidate(String name, boolean template, String comment) {
  }

  /**
   * A sweep's verdict on a database it may drop.
   *
   * @param lockKey the second key of the advisory lock that whoever uses the database holds: if
   *     the sweep can take it, nobody does
   * @param reason what the log says is dropped and why
   */
  public record Doomed(int lockKey, String reason) {
  }

  private AdminSession(PostgresServer server) {
    this.server = server;
    this.runId = new SecureRandom().nextInt();
    this.runName = String.format("%08x", runId);
    try {
      this.connection = server.connect(server.maintenanceDatabase());
      execute("select pg_advisory_lock(" + LEASE_LOCK_CLASS + ", " + runId + ")");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the test kit's session on " + server, e);
    }
    sweepOrphans();
  }

  /**
   * Returns this JVM's session for a server, opening it (and dropping orphans of crashed runs) on
   * first use.
   *
   * @param server the server
   * @return the session
   */
  public static AdminSession of(PostgresServer server) {
    return SESSIONS.computeIfAbsent(server, AdminSession::new);
  }

  /** Returns this JVM's run id, as it appears in database names. */
  public String runName() {
    return runName;
  }

  /**
   * Creates an empty database.
   *
   * @return its name
   */
  public String createEmpty() {
    String name = nextName();
    execute("create database " + quote(name));
    return name;
  }

  /**
   * Creates a database from a template.
   *
   * @param template the template's name
   * @return the new database's name
   */
  public String cloneOf(String template) {
    String name = nextName();
    execute(cloneStatement(name, template));
    return name;
  }

  /**
   * Creates a database from a template on a second connection, so that clones made ahead of time
   * do not hold up drops and clones on the main one.
   *
   * @param template the template's name
   * @return the new database's name
   */
  public String cloneInBackground(String template) {
    String name = nextName();
    synchronized (backgroundLock) {
      try {
        if (background == null || background.isClosed()) {
          background = server.connect(server.maintenanceDatabase());
        }
        try (Statement statement = background.createStatement()) {
          statement.execute(cloneStatement(name, template));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Test kit could not clone " + template + " on " + server, e);
      }
    }
    return name;
  }

  private static String cloneStatement(String name, String template) {
    return "create database " + quote(name) + " template " + quote(template);
  }

  /**
   * Drops a database, ending any connection to it.
   *
   * @param name the database's name
   */
  public void drop(String name) {
    execute("drop database if exists " + quote(name) + " with (force)");
  }

  /**
   * Drops a template database (which PostgreSQL refuses to drop while it is marked a template).
   *
   * @param name the template's name
   */
  public void dropTemplate(String name) {
    synchronized (this) {
      try {
        executeLocked("alter database " + quote(name) + " is_template false");
      } catch (SQLException e) {
        // Absent, or not a template: the drop below says what is wrong, if anything.
      }
    }
    drop(name);
  }

  /**
   * Runs an administrative statement on this session's connection.
   *
   * @param sql the statement
   * @throws IllegalStateException if it fails
   */
  public void execute(String sql) {
    synchronized (this) {
      try {
        executeLocked(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("Test kit statement failed on " + server + ": " + sql, e);
      }
    }
  }

  /**
   * Drops the throwaway databases whose JVM is gone: those whose run id's lease lock can be taken.
   *
   * @return the names dropped
   */
  public List<String> sweepOrphans() {
    return sweep("orphaned test databases", DATABASE_PREFIX, LEASE_LOCK_CLASS, candidate -> {
      Integer owner = ownerOf(candidate.name());
      // This JVM holds its own lease, and a session may take a lock it holds again: skip its own.
      return owner == null || owner == runId ? null
          : new Doomed(owner, candidate.name() + ", left behind by a test run that ended without cleaning up");
    });
  }

  /**
   * The one sweep: lists the databases whose name starts with {@code prefix}, asks {@code judge}
   * which advisory lock proves that nobody uses each one (null: keep it), and drops those whose
   * lock it can take, holding the lock while it drops so that no user can start meanwhile. A
   * failure is logged and the sweep goes on: sweeping is housekeeping and never fails a run.
   *
   * @param what what is swept, for the log
   * @param prefix the names to look at
   * @param lockClass the first key of the users' advisory locks
   * @param judge returns the lock to take before dropping a database, or null to keep it; called
   *     while this session's connection is held, so it may use {@link #execute}
   * @return the names dropped
   */
  public List<String> sweep(String what, String prefix, int lockClass, Function<Candidate, Doomed> judge) {
    List<String> dropped = new ArrayList<>();
    synchronized (this) {
      List<Candidate> candidates = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("select datname, datistemplate,"
          + " shobj_description(oid, 'pg_database') from pg_database where datname like ? order by datname")) {
        statement.setString(1, prefix.replace("_", "\\_") + "%");
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            candidates.add(new Candidate(rows.getString(1), rows.getBoolean(2), rows.getString(3)));
          }
        }
      } catch (SQLException e) {
        LOG.warn("Could not sweep {} on {}: {}", what, server, e.getMessage());
        return dropped;
      }
      for (Candidate candidate : candidates) {
        Doomed doomed = judge.apply(candidate);
        if (doomed != null) {
          try {
            if (dropIfUnused(candidate, lockClass, doomed)) {
              dropped.add(candidate.name());
            }
          } catch (SQLException e) {
            LOG.warn("Could not drop {} while sweeping {} on {}: {}", candidate.name(), what, server, e.getMessage());
          }
        }
      }
    }
    return dropped;
  }

  private boolean dropIfUnused(Candidate candidate, int lockClass, Doomed doomed) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select pg_try_advisory_lock(" + lockClass + ", " + doomed.lockKey() + ")")) {
      rows.next();
      if (!rows.getBoolean(1)) {
        return false;
      }
    }
    try {
      LOG.info("Dropping {}", doomed.reason());
      if (candidate.template()) {
        executeLocked("alter database " + quote(candidate.name()) + " is_template false");
      }
      executeLocked("drop database if exists " + quote(candidate.name()) + " with (force)");
      return true;
    } finally {
      executeLocked("select pg_advisory_unlock(" + lockClass + ", " + doomed.lockKey() + ")");
    }
  }

  /**
   * Returns the run id encoded in a throwaway database's name, or null if the name is not one.
   *
   * @param name a database name
   * @return the owner's run id
   */
  static Integer ownerOf(String name) {
    if (!name.startsWith(DATABASE_PREFIX)) {
      return null;
    }
    String rest = name.substring(DATABASE_PREFIX.length());
    int end = rest.indexOf('_');
    if (end != 8) {
      return null;
    }
    try {
      return Integer.parseUnsignedInt(rest.substring(0, end), 16);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String nextName() {
    return DATABASE_PREFIX + runName + "_" + sequence.incrementAndGet();
  }

  private void executeLocked(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
