package dev.carriers.testing.internal;

import static dev.carriers.SqlIdentifier.quote;

import dev.carriers.postgres.PostgresServer;
import dev.carriers.postgres.internal.AdminSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template databases of one server: built once per migration set (named by its checksum),
 * shared by every JVM and build, and dropped when unused for {@link #MAX_IDLE}.
 *
 * <p>Whoever builds or drops a template holds an advisory lock keyed by its checksum, so the
 * template sweep is {@link AdminSession#sweep the sweep} of throwaway databases with another rule:
 * a template is dead when its last use is older than the limit.
 *
 * <p>Thread-safe.
 */
public final class Templates {

  /** Advisory lock class of template builds: "CAR2". */
  static final int LOCK_CLASS = 0x43415232;

  /** Prefix of the template databases. */
  public static final String PREFIX = "carriers_tpl_";

  /**
   * A template nobody used for this long is dropped by the next JVM that uses the templates of its
   * server: each edit of a migration makes a new template, and the old ones would otherwise pile up.
   */
  public static final Duration MAX_IDLE = Duration.ofDays(7);

  private static final String LAST_USED = "carriers-testing template, last used ";

  private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
  private static final Map<PostgresServer, Templates> ALL = new ConcurrentHashMap<>();

  private final PostgresServer server;
  private final AdminSession session;

  private Templates(PostgresServer server) {
    this.server = server;
    this.session = AdminSession.of(server);
    sweepStale(MAX_IDLE);
  }

  /**
   * Returns the templates of a server, dropping the stale ones on first use in this JVM.
   *
   * @param server the server
   * @return its templates
   */
  public static Templates on(PostgresServer server) {
    return ALL.computeIfAbsent(server, Templates::new);
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
    String name = PREFIX + checksum;
    // A connection of its own: the build may take seconds and must not hold up clones of other
    // templates, and its session-level lock is released when it closes.
    try (Connection lock = server.connect(server.maintenanceDatabase())) {
      try (Statement statement = lock.createStatement()) {
        statement.execute("select pg_advisory_lock(" + LOCK_CLASS + ", " + checksum.hashCode() + ")");
      }
      Boolean finished = isTemplate(lock, name);
      if (Boolean.TRUE.equals(finished)) {
        markUsed(name);
        return name;
      }
      if (finished != null) {
        LOG.info("Dropping half-built template {}", name);
        session.drop(name);
      }
      long start = System.nanoTime();
      session.execute("create database " + quote(name));
      try {
        build.accept(server.dataSource(name));
        // No connections allowed: CREATE DATABASE ... TEMPLATE fails while any session is open on
        // the template, so none may ever be.
        session.execute("alter database " + quote(name) + " with is_template true allow_connections false");
      } catch (RuntimeException | Error e) {
        session.drop(name);
        throw e;
      }
      LOG.info("Built template {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
      markUsed(name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot build template " + name + " on " + server, e);
    }
  }

  /**
   * Drops a template.
   *
   * @param name the template's name
   */
  public void drop(String name) {
    session.dropTemplate(name);
  }

  /**
   * Drops the templates not used for longer than {@code maxIdle}, according to the last-use time
   * each one carries in its database comment. A template without one starts its clock now. A
   * template being built or dropped by another JVM (its advisory lock is taken) is left alone, and
   * so is a half-built one (the next build of its checksum replaces it).
   *
   * @param maxIdle how long a template may go unused
   * @return the names dropped
   */
  public List<String> sweepStale(Duration maxIdle) {
    Instant cutoff = Instant.now().minus(maxIdle);
    return session.sweep("stale templates", PREFIX, LOCK_CLASS, candidate -> {
      if (!candidate.template()) {
        return null;
      }
      Instant lastUsed = lastUsed(candidate.comment());
      if (lastUsed == null) {
        markUsed(candidate.name());
        return null;
      }
      return lastUsed.isBefore(cutoff)
          ? new AdminSession.Doomed(candidate.name().substring(PREFIX.length()).hashCode(),
              "template " + candidate.name() + ", unused since " + lastUsed)
          : null;
    });
  }

  // The database comment carries the last use: PostgreSQL keeps no such statistic. Best effort: a
  // role that does not own the template cannot comment, and then the template simply never ages.
  private void markUsed(String name) {
    try {
      session.execute("comment on database " + quote(name) + " is '" + LAST_USED + Instant.now() + "'");
    } catch (IllegalStateException e) {
      LOG.debug("Could not record the use of template {}: {}", name, e.getMessage());
    }
  }

  private static Instant lastUsed(String comment) {
    if (comment == null || !comment.startsWith(LAST_USED)) {
      return null;
    }
    try {
      return Instant.parse(comment.substring(LAST_USED.length()));
    } catch (DateTimeParseException e) {
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
}
