package dev.carriers.cli;

import dev.carriers.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Database URLs for the CLI's integration tests, built from the test kit's databases. */
final class TestUrls {

  /** A password with characters that need percent-encoding; trust authentication ignores it. */
  static final String PASSWORD = "Pw-s3cret:x@y/z";

  /** {@link #PASSWORD} percent-encoded, as it appears in a URL. */
  static final String ENCODED_PASSWORD = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

  private TestUrls() {
  }

  /** Returns the database's JDBC URL with credentials, plus {@link #PASSWORD}. */
  static String jdbcWithPassword(TestDatabase database) {
    String url = database.jdbcUrlWithCredentials();
    return url + (url.contains("?") ? "&" : "?") + "password=" + ENCODED_PASSWORD;
  }

  /** Returns a libpq URL with {@link #PASSWORD} for a database (which need not exist) on the server. */
  static String libpqWithPassword(TestDatabase onServer, String databaseName) {
    return "postgresql://" + user(onServer) + ":" + ENCODED_PASSWORD + "@" + hostPort(onServer) + "/"
        + URLEncoder.encode(databaseName, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Returns a libpq URL without password for a database (which need not exist) on the server. */
  static String libpq(TestDatabase onServer, String databaseName) {
    return "postgresql://" + user(onServer) + "@" + hostPort(onServer) + "/"
        + URLEncoder.encode(databaseName, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String user(TestDatabase database) {
    String user = database.server().user();
    return user == null ? "postgres" : user;
  }

  static String hostPort(TestDatabase database) {
    String url = database.jdbcUrl();
    int start = url.indexOf("//") + 2;
    return url.substring(start, url.indexOf('/', start));
  }
}
