package dev.carriers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL connection target parsed from a {@code DATABASE_URL}: either the libpq URI form that
 * hosted environments hand out ({@code postgresql://user:pass@host:5432/db?sslmode=require}, also
 * {@code postgres://}) or a pgjdbc URL ({@code jdbc:postgresql://host:5432/db?user=...}).
 *
 * <p>libpq parameters that pgjdbc supports carry over ({@code sslmode}, {@code sslrootcert},
 * {@code sslcert}, {@code sslkey}, {@code application_name}, {@code connect_timeout},
 * {@code options}, {@code target_session_attrs}); any other libpq parameter is rejected by name
 * rather than silently dropped.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the URL with the password masked; the
 * password is only reachable through {@link #password()} and {@link #connectionProperties()}.
 */
public final class DatabaseUrl {

  /** The local default: database {@code carriers} on 127.0.0.1:5432 as user {@code postgres}. */
  public static final String LOCAL_DEFAULT = "jdbc:postgresql://127.0.0.1:5432/carriers?user=postgres";

  /** libpq URI parameters and the pgjdbc property each one becomes. */
  private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.ofEntries(
      Map.entry("user", PGProperty.USER.getName()),
      Map.entry("password", PGProperty.PASSWORD.getName()),
      Map.entry("sslmode", PGProperty.SSL_MODE.getName()),
      Map.entry("sslrootcert", PGProperty.SSL_ROOT_CERT.getName()),
      Map.entry("sslcert", PGProperty.SSL_CERT.getName()),
      Map.entry("sslkey", PGProperty.SSL_KEY.getName()),
      Map.entry("sslpassword", PGProperty.SSL_PASSWORD.getName()),
      Map.entry("application_name", PGProperty.APPLICATION_NAME.getName()),
      Map.entry("connect_timeout", PGProperty.CONNECT_TIMEOUT.getName()),
      Map.entry("options", PGProperty.OPTIONS.getName()),
      Map.entry("target_session_attrs", PGProperty.TARGET_SERVER_TYPE.getName()),
      Map.entry("gssencmode", PGProperty.GSS_ENC_MODE.getName()),
      Map.entry("channel_binding", PGProperty.CHANNEL_BINDING.getName()));

  private final String hosts;
  private final String database;
  private final Map<String, String> properties;

  private DatabaseUrl(String hosts, String database, Map<String, String> properties) {
    this.hosts = hosts;
    this.database = database;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * Parses a URL in either form.
   *
   * @param url a {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql:} URL
   * @return the parsed URL
   * @throws InvalidDatabaseUrlException naming what is wrong (never echoing the password)
   */
  public static DatabaseUrl parse(String url) {
    Objects.requireNonNull(url, "url");
    String trimmed = url.trim();
    if (trimmed.isEmpty()) {
      throw new InvalidDatabaseUrlException("database URL is empty", null);
    }
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return parseJdbc(trimmed);
    }
    if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
      return parseLibpq(trimmed);
    }
    throw new InvalidDatabaseUrlException("database URL " + mask(trimmed)
        + " is neither postgresql://user:password@host:port/database nor jdbc:postgresql://host:port/database", null);
  }

  /**
   * Returns the URL to use when none is given: the environment variable {@code DATABASE_URL} if set,
   * else {@link #LOCAL_DEFAULT}.
   *
   * @return the parsed URL
   */
  public static DatabaseUrl fromEnvironment() {
    String url = System.getenv("DATABASE_URL");
    return parse(url == null || url.isBlank() ? LOCAL_DEFAULT : url);
  }

  private static DatabaseUrl parseJdbc(String url) {
    Properties parsed = Driver.parseURL(url, null);
    if (parsed == null) {
      throw new InvalidDatabaseUrlException("database URL " + mask(url) + " is not a valid pgjdbc URL", null);
    }
    String hosts = joinHosts(PGProperty.PG_HOST.getOrDefault(parsed), PGProperty.PG_PORT.getOrDefault(parsed));
    String database = PGProperty.PG_DBNAME.getOrDefault(parsed);
    Map<String, String> properties = new LinkedHashMap<>();
    for (String name : parsed.stringPropertyNames()) {
      if (!name.equals(PGProperty.PG_HOST.getName()) && !name.equals(PGProperty.PG_PORT.getName())
          && !name.equals(PGProperty.PG_DBNAME.getName())) {
        properties.put(name, parsed.getProperty(name));
      }
    }
    return new DatabaseUrl(hosts, database, properties);
  }

  private static String joinHosts(String hostList, String portList) {
    String[] hostParts = hostList.split(",");
    String[] portParts = portList.split(",");
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < hostParts.length; i++) {
      if (i > 0) {
        joined.append(',');
      }
      String host = hostParts[i];
      joined.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
          .append(':').append(i < portParts.length ? portParts[i] : "5432");
    }
    return joined.toString();
  }

  private static DatabaseUrl parseLibpq(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    String query = "";
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    String path = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (!user.isEmpty()) {
        properties.put(PGProperty.USER.getName(), decode(user, "user"));
      }
      if (colon >= 0) {
        properties.put(PGProperty.PASSWORD.getName(), decode(userInfo.substring(colon + 1), "password"));
      }
    }
    StringBuilder hosts = new StringBuilder();
    for (String hostPort : (rest.isEmpty() ? "localhost" : rest).split(",")) {
      String host = hostPort;
      String port = "5432";
      int portColon = hostPort.lastIndexOf(':');
      if (portColon >= 0 && portColon > hostPort.lastIndexOf(']')) {
        host = hostPort.substring(0, portColon);
        port = hostPort.substring(portColon + 1);
      }
      if (host.isEmpty()) {
        host = "localhost";
      }
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
        throw new InvalidDatabaseUrlException("database URL " + mask(url) + ": port \"" + port + "\" is not a port number", null);
      }
      if (hosts.length() > 0) {
        hosts.append(',');
      }
      hosts.append(decode(host, "host")).append(':').append(port);
    }
    String database = path.isEmpty() ? properties.getOrDefault(PGProperty.USER.getName(), "postgres")
        : decode(path, "database");
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key = decode(equals >= 0 ? pair.substring(0, equals) : pair, "parameter name");
        String value = equals >= 0 ? decode(pair.substring(equals + 1), key) : "";
        if (key.equals("dbname")) {
          database = value;
          continue;
        }
        if (key.equals("host") || key.equals("port")) {
          throw new InvalidDatabaseUrlException("database URL " + mask(url) + ": put the " + key
              + " in the authority (postgresql://host:port/...), not in the query", null);
        }
        String pgjdbc = LIBPQ_TO_PGJDBC.get(key);
        if (pgjdbc == null) {
          throw new InvalidDatabaseUrlException("database URL " + mask(url) + ": parameter \"" + key
              + "\" is not supported; supported: " + new java.util.TreeSet<>(LIBPQ_TO_PGJDBC.keySet()), null);
        }
        properties.put(pgjdbc, key.equals("target_session_attrs") ? targetServerType(value) : value);
      }
    }
    return new DatabaseUrl(hosts.toString(), database, properties);
  }

  private static String targetServerType(String libpq) {
    switch (libpq) {
      case "any":
        return "any";
      case "read-write":
      case "primary":
        return "primary";
      case "read-only":
      case "standby":
        return "secondary";
      case "prefer-standby":
        return "preferSecondary";
      default:
        throw new InvalidDatabaseUrlException("target_session_attrs \"" + libpq
            + "\" is not one of any, read-write, primary, read-only, standby, prefer-standby", null);
    }
  }

  private static String decode(String value, String what) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidDatabaseUrlException("database URL: the " + what + " is not valid percent-encoding", e);
    }
  }

  /** Returns the pgjdbc URL without user, password or other parameters. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + hosts + "/" + database;
  }

  /** Returns the database name. */
  public String database() {
    return database;
  }

  /** Returns the user, or null for the driver's default. */
  public String user() {
    return properties.get(PGProperty.USER.getName());
  }

  /** Returns the password, or null. Never log it. */
  public String password() {
    return properties.get(PGProperty.PASSWORD.getName());
  }

  /**
   * Returns every pgjdbc connection property (user and password included) to pass beside
   * {@link #jdbcUrl()}.
   *
   * @return a new, mutable copy
   */
  public Properties connectionProperties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  /**
   * Returns the same server and parameters with another database, for example the maintenance
   * database {@code postgres} to create this one.
   *
   * @param otherDatabase the database name
   * @return a new URL
   */
  public DatabaseUrl withDatabase(String otherDatabase) {
    return new DatabaseUrl(hosts, Objects.requireNonNull(otherDatabase, "otherDatabase"), properties);
  }

  /**
   * Returns an unpooled data source for this URL (each call opens a connection): for one-shot tools
   * such as migrations. Services should pool.
   *
   * @return a new data source
   */
  public DataSource unpooledDataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl());
    properties.forEach((name, value) -> {
      try {
        dataSource.setProperty(name, value);
      } catch (java.sql.SQLException e) {
        throw new InvalidDatabaseUrlException("pgjdbc does not know the parameter " + name, e);
      }
    });
    return dataSource;
  }

  /** Returns the URL in pgjdbc form with the password masked. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(jdbcUrl());
    char separator = '?';
    for (Map.Entry<String, String> property : properties.entrySet()) {
      boolean secret = property.getKey().equals(PGProperty.PASSWORD.getName())
          || property.getKey().equals(PGProperty.SSL_PASSWORD.getName());
      out.append(separator).append(property.getKey()).append('=')
          .append(secret ? "***" : property.getValue());
      separator = '&';
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DatabaseUrl that && hosts.equals(that.hosts)
        && database.equals(that.database) && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hosts, database, properties);
  }

  /**
   * Masks the password in any URL-like text, for messages about URLs that failed to parse.
   *
   * @param text a URL or message
   * @return the text with passwords replaced by {@code ***}
   */
  public static String mask(String text) {
    return text.replaceAll("(?i)((?:ssl)?password=)[^&\\s]*", "$1***")
        .replaceAll("(://[^/:@\\s]*:)[^@/\\s]*@", "$1***@");
  }
}
