package dev.carriers.testing;

import dev.carriers.testing.internal.ContainerServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server on which databases may be created and dropped: the server that tests and the
 * build's code generation use.
 *
 * <p>{@link #resolve()} finds it, in this order:
 * <ol>
 *   <li>an explicit JDBC URL: the system property {@value #URL_PROPERTY} (a Maven property of the
 *       same name is passed on to tests), else the environment variable {@value #URL_ENV};</li>
 *   <li>the local server at {@code 127.0.0.1:5432} as user {@code postgres}, if it accepts
 *       connections;</li>
 *   <li>a Testcontainers PostgreSQL, if a Docker engine is available;</li>
 * </ol>
 * otherwise it throws {@link IllegalStateException} with a message that says how to provide one.
 *
 * <p>The explicit URL names any database on the server that the user may connect to (the kit only
 * uses it to create and drop its own databases) and may carry {@code user}, {@code password},
 * {@code sslmode} and other pgjdbc parameters, for example
 * {@code jdbc:postgresql://db.internal:5432/postgres?user=ci&password=secret}.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows the password.
 */
public final class PostgresServer {

  /** System property that names the server explicitly, as a JDBC URL. */
  public static final String URL_PROPERTY = "carriers.db.url";

  /** Environment variable that names the server explicitly, as a JDBC URL. */
  public static final String URL_ENV = "CARRIERS_DB_URL";

  static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private static volatile PostgresServer resolved;

  private final String host;
  private final int port;
  private final String maintenanceDatabase;
  private final Properties properties;
  private final String source;

  private PostgresServer(String host, int port, String maintenanceDatabase, Properties properties,
      String source) {
    this.host = host;
    this.port = port;
    this.maintenanceDatabase = maintenanceDatabase;
    this.properties = properties;
    this.source = source;
  }

  /**
   * Returns a server for the given JDBC URL without checking that it is up.
   *
   * @param jdbcUrl a {@code jdbc:postgresql://} URL naming a database the user may connect to
   * @param source a word for messages saying where the URL came from
   * @return the server
   * @throws IllegalArgumentException if the URL is not a pgjdbc URL
   */
  public static PostgresServer of(String jdbcUrl, String source) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Properties parsed = Driver.parseURL(jdbcUrl.trim(), null);
    if (parsed == null) {
      throw new IllegalArgumentException(source + ": \"" + redact(jdbcUrl)
          + "\" is not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database?user=...");
    }
    String host = PGProperty.PG_HOST.getOrDefault(parsed);
    String port = PGProperty.PG_PORT.getOrDefault(parsed);
    String database = PGProperty.PG_DBNAME.getOrDefault(parsed);
    Properties connection = new Properties();
    for (String name : parsed.stringPropertyNames()) {
      if (!name.equals(PGProperty.PG_HOST.getName()) && !name.equals(PGProperty.PG_PORT.getName())
          && !name.equals(PGProperty.PG_DBNAME.getName())) {
        connection.setProperty(name, parsed.getProperty(name));
      }
    }
    if (host.contains(",")) {
      throw new IllegalArgumentException(source + ": the test kit needs a single host, not " + host);
    }
    return new PostgresServer(host, Integer.parseInt(port),
        database == null || database.isEmpty() ? "postgres" : database, connection, source);
  }

  /**
   * Finds the server to use, once per JVM (later calls return the same server).
   *
   * @return the server
   * @throws IllegalStateException if no server can be found, saying how to provide one
   */
  public static PostgresServer resolve() {
    PostgresServer server = resolved;
    if (server == null) {
      synchronized (PostgresServer.class) {
        server = resolved;
        if (server == null) {
          server = find();
          resolved = server;
        }
      }
    }
    return server;
  }

  private static PostgresServer find() {
    return find(System.getProperty(URL_PROPERTY), System.getenv(URL_ENV), LOCAL_URL,
        ContainerServer::dockerAvailable, ContainerServer::start);
  }

  /**
   * The resolution rule, with its inputs as parameters so that each branch can be tested.
   *
   * @param property the system property's value, or null
   * @param environment the environment variable's value, or null
   * @param localUrl the local server's URL
   * @param docker whether a Docker engine answers
   * @param container starts a container and returns its URL
   * @return the server
   * @throws IllegalStateException if none is found, saying how to provide one
   */
  static PostgresServer find(String property, String environment, String localUrl,
      BooleanSupplier docker, Supplier<String> container) {
    if (property != null && !property.isBlank()) {
      return of(property, "system property " + URL_PROPERTY);
    }
    if (environment != null && !environment.isBlank()) {
      return of(environment, "environment variable " + URL_ENV);
    }
    PostgresServer probe = of(localUrl + (localUrl.contains("?") ? "&" : "?") + "connectTimeout=3", "local server");
    if (probe.isReachable()) {
      return of(localUrl, "local server");
    }
    if (docker.getAsBoolean()) {
      return of(container.get(), "Testcontainers");
    }
    throw new IllegalStateException("No PostgreSQL server for carriers: set the environment variable "
        + URL_ENV + " (or -D" + URL_PROPERTY + "=...) to a jdbc:postgresql:// URL whose user may"
        + " CREATE DATABASE, start a local server on 127.0.0.1:5432 (user postgres), or start"
        + " Docker so that Testcontainers can run one.");
  }

  private boolean isReachable() {
    try (Connection connection = connect(maintenanceDatabase)) {
      return connection.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Returns the JDBC URL of a database on this server, without user or password.
   *
   * @param database the database name
   * @return the URL
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * Returns the JDBC URL of a database on this server, with every connection parameter, password
   * included: for tools that take only a URL. Never log it.
   *
   * @param database the database name
   * @return the URL
   */
  public String jdbcUrlWithCredentials(String database) {
    StringBuilder url = new StringBuilder(jdbcUrl(database));
    char separator = '?';
    for (String name : properties.stringPropertyNames()) {
      url.append(separator).append(name).append('=')
          .append(java.net.URLEncoder.encode(properties.getProperty(name),
              java.nio.charset.StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  /** Returns the user name, or {@code null} for the driver's default. */
  public String user() {
    return properties.getProperty(PGProperty.USER.getName());
  }

  /** Returns the password, or {@code null}. Never log it. */
  public String password() {
    return properties.getProperty(PGProperty.PASSWORD.getName());
  }

  /** Returns the database that this server was named with, used for administrative statements. */
  public String maintenanceDatabase() {
    return maintenanceDatabase;
  }

  /**
   * Opens a connection to a database on this server.
   *
   * @param database the database name
   * @return a new connection, owned by the caller
   * @throws SQLException if the server refuses it
   */
  public Connection connect(String database) throws SQLException {
    // The driver is called directly rather than through DriverManager, which misses drivers loaded
    // by an isolated class loader (as in a Maven plugin).
    Connection connection = new Driver().connect(jdbcUrl(database), properties);
    if (connection == null) {
      throw new SQLException("pgjdbc did not accept " + jdbcUrl(database));
    }
    return connection;
  }

  /**
   * Returns an unpooled data source for a database on this server.
   *
   * @param database the database name
   * @return a data source; each {@code getConnection()} opens a new connection
   */
  public DataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {host});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName(database);
    for (String name : properties.stringPropertyNames()) {
      try {
        dataSource.setProperty(name, properties.getProperty(name));
      } catch (SQLException e) {
        throw new IllegalArgumentException("Unknown pgjdbc parameter " + name + " from " + source, e);
      }
    }
    return dataSource;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PostgresServer that && host.equals(that.host) && port == that.port
        && maintenanceDatabase.equals(that.maintenanceDatabase)
        && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, maintenanceDatabase, properties);
  }

  /** Returns the host and port, and where the server was found; never the password. */
  @Override
  public String toString() {
    return "PostgreSQL at " + host + ":" + port + " (" + source + ")";
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^/:@]*:)[^@/]*@", "$1***@");
  }
}
