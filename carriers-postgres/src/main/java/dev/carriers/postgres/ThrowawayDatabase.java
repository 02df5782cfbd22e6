package dev.carriers.postgres;

import dev.carriers.postgres.internal.AdminSession;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database created for one use (a test, a code generation run) and dropped when closed. A
 * database whose JVM died before closing it is dropped by the next JVM that creates one on the same
 * server: each JVM holds a lease (an advisory lock named by the run id in the database's name) for as
 * long as it lives, and a database whose lease is free is an orphan.
 *
 * <pre>{@code
 * try (ThrowawayDatabase database = ThrowawayDatabase.create(PostgresServer.resolve())) {
 *   Flyway.configure().dataSource(database.dataSource()).load().migrate();
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: the data source opens a new connection per call.
 */
public class ThrowawayDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final String name;
  private final DataSource dataSource;

  /**
   * Takes over a database created on this JVM's session with the server: closing this object drops
   * it. For the test kit, whose clones of a template are created that way.
   *
   * @param server the server the database lives on
   * @param name the database's name, as the session created it
   */
  protected ThrowawayDatabase(PostgresServer server, String name) {
    this.server = Objects.requireNonNull(server, "server");
    this.name = Objects.requireNonNull(name, "name");
    this.dataSource = server.dataSource(name);
  }

  /**
   * Creates an empty database on a server.
   *
   * @param server the server, such as {@link PostgresServer#resolve()}
   * @return the database; closing it drops it
   * @throws IllegalStateException if the server refuses
   */
  public static ThrowawayDatabase create(PostgresServer server) {
    return new ThrowawayDatabase(server, AdminSession.of(server).createEmpty());
  }

  /** Returns the database name. */
  public String name() {
    return name;
  }

  /** Returns the server the database lives on. */
  public PostgresServer server() {
    return server;
  }

  /** Returns the JDBC URL of the database, without credentials. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** Returns the JDBC URL of the database with credentials, for tools that take only a URL. */
  public String jdbcUrlWithCredentials() {
    return server.jdbcUrlWithCredentials(name);
  }

  /** Returns an unpooled data source for the database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Drops the database, ending any connection still open to it. Closing twice does no harm. */
  @Override
  public void close() {
    AdminSession.of(server).drop(name);
  }

  @Override
  public String toString() {
    return name + " on " + server;
  }
}
