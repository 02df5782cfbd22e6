package dev.carriers.testing.internal;

import dev.carriers.testing.PostgresServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's administrative connection to one server: it creates, clones and drops the kit's
 * databases and holds the JVM's lease.
 *
 * <p>The lease is a session-level advisory lock keyed by a random run id that is also part of every
 * database name this JVM creates ({@code carriers_tmp_<runid>_<n>}). The lock lives exactly as long
 * as this JVM's connection, so when another JVM finds a kit database whose run id's lock it can take,
 * the owner is gone and the database is an orphan from a crash: it is dropped. Databases of live JVMs
 * are never touched.
 *
 * <p>Thread-safe: statements on the shared connection are serialized.
 */
public final class AdminSession {

  /** Advisory lock class (first key) of the leases: "CAR1". */
  static final int LEASE_LOCK_CLASS = 0x43415231;

  /** Advisory lock class of template builds: "CAR2". */
  static final int TEMPLATE_LOCK_CLASS = 0x43415232;

  /** Prefix of the databases the kit creates for tests. */
  public static final String DATABASE_PREFIX = "carriers_tmp_";

  /** Prefix of the template databases. */
  public static final String TEMPLATE_PREFIX = "carriers_tpl_";

  /**
   * A template nobody used for this long is dropped by the next JVM that opens a session: each
   * edit of a migration makes a new template, and the old ones would otherwise pile up.
   */
  public static final Duration TEMPLATE_MAX_IDLE = Duration.ofDays(7);

  private static final String LAST_USED = "carriers-testing template, last used ";

  private static final Logger LOG = LoggerFactory.getLogger(AdminSession.class);
  private static final Map<PostgresServer, AdminSession> SESSIONS = new ConcurrentHashMap<>();

  private final PostgresServer server;
  private final int runId;
  private final String runName;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Connection connection;
  private final Object backgroundLock = new Object();
  private Connection background;

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
    sweepStaleTemplates(TEMPLATE_MAX_IDLE);
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
    execute("create database " + name);
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
    execute("create database " + name + " template " + template);
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
          statement.execute("create database " + name + " template " + template);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Test kit could not clone " + template + " on " + server, e);
      }
    }
    return name;
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
   * Returns the template for a checksum, building it with {@code build} if no finished template of
   * that name exists. A half-built template left by a crash is dropped and built again.
   *
   * @param checksum identifies the template's content
   * @param build migrates (and seeds) the new template
   * @return the template's name
   */
  public String template(String checksum, Consumer<DataSource> build) {
    String name = TEMPLATE_PREFIX + checksum;
    int lockKey = checksum.hashCode();
    // A connection of its own: the build may take seconds and must not hold up clones of other
    // templates, and its session-level lock is released when it closes.
    try (Connection lock = server.connect(server.maintenanceDatabase())) {
      try (Statement statement = lock.createStatement()) {
        statement.execute("select pg_advisory_lock(" + TEMPLATE_LOCK_CLASS + ", " + lockKey + ")");
      }
      Boolean finished = isTemplate(lock, name);
      if (Boolean.TRUE.equals(finished)) {
        markUsed(lock, name);
        return name;
      }
      if (finished != null) {
        LOG.info("Dropping half-built template {}", name);
        drop(name);
      }
      long start = System.nanoTime();
      execute("create database " + name);
      try {
        build.accept(server.dataSource(name));
        // No connections allowed: CREATE DATABASE ... TEMPLATE fails while any session is open on
        // the template, so none may ever be.
        execute("alter database " + name + " with is_template true allow_connections false");
      } catch (RuntimeException | Error e) {
        drop(name);
        throw e;
      }
      LOG.info("Built template {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
      markUsed(lock, name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot build template " + name + " on " + server, e);
    }
  }

  // The database comment carries the last use: PostgreSQL keeps no such statistic. Best effort: a
  // role that does not own the template cannot comment, and then the template simply never ages.
  private static void markUsed(Connection connection, String name) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("comment on database " + quote(name) + " is '" + LAST_USED + Instant.now() + "'");
    } catch (SQLException e) {
      LOG.debug("Could not record the use of template {}: {}", name, e.getMessage());
    }
  }

  /**
   * Drops the templates not used for longer than {@code maxIdle}, according to the last-use time
   * each one carries in its database comment. A template without one starts its clock now. A
   * template being built or dropped by another JVM (its advisory lock is taken) is left alone.
   *
   * @param maxIdle how long a template may go unused
   * @return the names dropped
   */
  public List<String> sweepStaleTemplates(Duration maxIdle) {
    List<String> dropped = new ArrayList<>();
    Instant cutoff = Instant.now().minus(maxIdle);
    synchronized (this) {
      try {
        Map<String, String> comments = new java.util.LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
            "select datname, shobj_description(oid, 'pg_database') from pg_database"
                + " where datistemplate and datname like ?")) {
          statement.setString(1, TEMPLATE_PREFIX.replace("_", "\\_") + "%");
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              comments.put(rows.getString(1), rows.getString(2));
            }
          }
        }
        for (Map.Entry<String, String> template : comments.entrySet()) {
          String name = template.getKey();
          Instant lastUsed = lastUsed(template.getValue());
          if (lastUsed == null) {
            markUsed(connection, name);
            continue;
          }
          if (!lastUsed.isBefore(cutoff)) {
            continue;
          }
          int lockKey = name.substring(TEMPLATE_PREFIX.length()).hashCode();
          if (!tryLock(TEMPLATE_LOCK_CLASS, lockKey)) {
            continue;
          }
          try {
            LOG.info("Dropping template {}, unused since {}", name, lastUsed);
            executeLocked("alter database " + quote(name) + " is_template false");
            executeLocked("drop database if exists " + quote(name) + " with (force)");
            dropped.add(name);
          } catch (SQLException e) {
            LOG.warn("Could not drop stale template {}: {}", name, e.getMessage());
          } finally {
            executeLocked("select pg_advisory_unlock(" + TEMPLATE_LOCK_CLASS + ", " + lockKey + ")");
          }
        }
      } catch (SQLException e) {
        LOG.warn("Could not sweep stale templates on {}: {}", server, e.getMessage());
      }
    }
    return dropped;
  }

  private static Instant lastUsed(String comment) {
    if (comment == null || !comment.startsWith(LAST_USED)) {
      return null;
    }
    try {
      return Instant.parse(comment.substring(LAST_USED.length()));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Boolean isTemplate(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select datistemplate from pg_database where datname = ?")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getBoolean(1) : null;
      }
    }
  }

  /**
   * Drops the kit databases whose JVM is gone: those whose run id's lease lock can be taken.
   *
   * @return the names dropped
   */
  public List<String> sweepOrphans() {
    List<String> dropped = new ArrayList<>();
    synchronized (this) {
      try {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
            "select datname from pg_database where datname like ?")) {
          statement.setString(1, DATABASE_PREFIX.replace("_", "\\_") + "%");
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              candidates.add(rows.getString(1));
            }
          }
        }
        for (String name : candidates) {
          Integer owner = ownerOf(name);
          if (owner == null || owner == runId) {
            continue;
          }
          if (tryLock(owner)) {
            try {
              LOG.info("Dropping {}, left behind by a test run that ended without cleaning up", name);
              executeLocked("drop database if exists " + quote(name) + " with (force)");
              dropped.add(name);
            } finally {
              executeLocked("select pg_advisory_unlock(" + LEASE_LOCK_CLASS + ", " + owner + ")");
            }
          }
        }
      } catch (SQLException e) {
        LOG.warn("Could not sweep orphaned test databases on {}: {}", server, e.getMessage());
      }
    }
    return dropped;
  }

  private boolean tryLock(int owner) throws SQLException {
    return tryLock(LEASE_LOCK_CLASS, owner);
  }

  private boolean tryLock(int lockClass, int key) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select pg_try_advisory_lock(" + lockClass + ", " + key + ")")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  /**
   * Returns the run id encoded in a kit database name, or null if the name is not a kit name.
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

  private void execute(String sql) {
    synchronized (this) {
      try {
        executeLocked(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("Test kit statement failed on " + server + ": " + sql, e);
      }
    }
  }

  private void executeLocked(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
