package dev.carriers.testing;

import dev.carriers.testing.internal.AdminSession;
import javax.sql.DataSource;

/**
 * One database created by the kit for a test (a clone of the template, or an empty database). Closing
 * it drops the database; a database whose JVM died before closing it is dropped by the next JVM that
 * uses the kit on the same server.
 *
 * <p>Thread-safe: the data source opens a new connection per call.
 */
public final class TestDatabase implements AutoCloseable {

  private final PostgresServer server;
  private final AdminSession session;
  private final String name;
  private final DataSource dataSource;

  TestDatabase(PostgresServer server, AdminSession session, String name) {
    this.server = server;
    this.session = session;
    this.name = name;
    this.dataSource = server.dataSource(name);
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

  /** Drops the database, ending any connection still open to it. */
  @Override
  public void close() {
    session.drop(name);
  }

  @Override
  public String toString() {
    return name + " on " + server;
  }
}
