package dev.carriers.postgres;

import dev.carriers.DatabaseUrl;
import dev.carriers.InvalidDatabaseUrlException;
import dev.carriers.postgres.internal.ContainerServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

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
 *   <li>a Testcontainers PostgreSQL, if Testcontainers is on the class path and a Docker engine
 *       answers;</li>
 * </ol>
 * otherwise it throws {@link IllegalStateException} with a message that says how to provide one.
 *
 * <p>The explicit URL names any database on the server that the user may connect to (it is only
 * used to create and drop throwaway databases) and may carry {@code user}, {@code password},
 * {@code sslmode} and other pgjdbc parameters, for example
 * {@code jdbc:postgresql://db.internal:5432/postgres?user=ci&password=secret}. It is parsed by
 * {@link DatabaseUrl}, as every database URL in carriers is.
 *
 * <pre>{@code
 * PostgresServer server = PostgresServer.resolve();
 * try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) { ... }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} never shows the password.
 */
public final class PostgresServer {

  /** System property that names the server explicitly, as a JDBC URL. */
  public static final String URL_PROPERTY = "carriers.db.url";

  /** Environment variable that names the server explicitly, as a JDBC URL. */
  public static final String URL_ENV = "CARRIERS_DB_URL";

  static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private static final String JDBC_PREFIX = "jdbc:postgresql://";

  private static volatile PostgresServer resolved;

  /** The maintenance database's URL: what administrative statements connect to. */
  private final DatabaseUrl url;
  private final String source;

  private PostgresServer(DatabaseUrl url, String source) {
    this.url = url;
    this.source = source;
  }

  /**
   * Returns a server for the given JDBC URL without checking that it is up.
   *
   * @param jdbcUrl a {@code jdbc:postgresql://} URL naming a database the user may connect to
   * @param source a word for messages saying where the URL came from
   * @return the server
   * @throws IllegalArgumentException if the URL is not a pgjdbc URL of a single host
   */
  public static PostgresServer of(String jdbcUrl, String source) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    DatabaseUrl url = null;
    InvalidDatabaseUrlException invalid = null;
    // Only the pgjdbc form, as documented: this names a server for throwaway databases, and a libpq
    // URL here is more likely an application's DATABASE_URL set by mistake.
    if (jdbcUrl.trim().startsWith("jdbc:postgresql:")) {
      try {
        url = DatabaseUrl.parse(jdbcUrl);
      } catch (InvalidDatabaseUrlException e) {
        invalid = e;
      }
    }
    if (url == null) {
      throw new IllegalArgumentException(source + ": \"" + DatabaseUrl.mask(jdbcUrl)
          + "\" is not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database?user=...", invalid);
    }
    String hosts = hostsOf(url);
    if (hosts.contains(",")) {
      // Databases cloned on one host must be dropped on the same one.
      throw new IllegalArgumentException(source + ": the test kit needs a single host, not "
          + hosts.replaceAll(":[0-9]+(,|$)", "$1"));
    }
    return new PostgresServer(url.database().isEmpty() ? url.withDatabase("postgres") : url, source);
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
          // Lambdas, not method references: ContainerServer (and Testcontainers, which is optional)
          // is loaded only if the steps before it find nothing.
          server = find(System.getProperty(URL_PROPERTY), System.getenv(URL_ENV), LOCAL_URL,
              () -> ContainerServer.dockerAvailable(), () -> ContainerServer.start());
          resolved = server;
        }
      }
    }
    return server;
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
    try (Connection connection = connect(maintenanceDatabase())) {
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
    return url.withDatabase(database).jdbcUrl();
  }

  /**
   * Returns the JDBC URL of a database on this server, with every connection parameter, password
   * included: for tools that take only a URL. Never log it.
   *
   * @param database the database name
   * @return the URL
   */
  public String jdbcUrlWithCredentials(String database) {
    StringBuilder withCredentials = new StringBuilder(jdbcUrl(database));
    char separator = '?';
    Properties properties = url.connectionProperties();
    for (String name : properties.stringPropertyNames()) {
      withCredentials.append(separator).append(name).append('=')
          .append(URLEncoder.encode(properties.getProperty(name), StandardCharsets.UTF_8));
      separator = '&';
    }
    return withCredentials.toString();
  }

  /** Returns the user name, or {@code null} for the driver's default. */
  public String user() {
    return url.user();
  }

  /** Returns the password, or {@code null}. Never log it. */
  public String password() {
    return url.password();
  }

  /** Returns the database that this server was named with, used for administrative statements. */
  public String maintenanceDatabase() {
    return url.database();
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
    Connection connection = new Driver().connect(jdbcUrl(database), url.connectionProperties());
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
   * @throws IllegalArgumentException if the URL carries a parameter pgjdbc does not know
   */
  public DataSource dataSource(String database) {
    // The driver's URL parser keeps any parameter; its data source refuses the unknown ones. Say
    // where the parameter came from.
    for (String name : url.connectionProperties().stringPropertyNames()) {
      if (PGProperty.forName(name) == null) {
        throw new IllegalArgumentException("Unknown pgjdbc parameter " + name + " from " + source);
      }
    }
    return url.withDatabase(database).unpooledDataSource();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PostgresServer that && url.equals(that.url);
  }

  @Override
  public int hashCode() {
    return url.hashCode();
  }

  /** Returns the host and port, and where the server was found; never the password. */
  @Override
  public String toString() {
    return "PostgreSQL at " + hostsOf(url) + " (" + source + ")";
  }

  /** The {@code host:port} list of a URL: what its pgjdbc form has between {@code //} and the database. */
  private static String hostsOf(DatabaseUrl url) {
    String jdbc = url.jdbcUrl();
    return jdbc.substring(JDBC_PREFIX.length(), jdbc.indexOf('/', JDBC_PREFIX.length()));
  }
}
