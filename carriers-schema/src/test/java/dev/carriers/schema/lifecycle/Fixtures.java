package dev.carriers.schema.lifecycle;

import dev.carriers.schema.CarriersMigrations;
import dev.carriers.schema.MigrationsConfiguration;
import dev.carriers.schema.internal.ScriptCatalog;
import dev.carriers.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/** Shared by the lifecycle tests: copies of the build's scripts, schema dumps, history and SQL. */
final class Fixtures {

  private Fixtures() {
  }

  /** Returns every migration of this build, oldest first (what the round trip iterates over). */
  static List<ScriptCatalog.Script> migrations() {
    return ScriptCatalog.scan(Fixtures.class.getClassLoader(), List.of(CarriersMigrations.DEFAULT_LOCATION)).scripts();
  }

  /**
   * Copies every migration and reverse script of this build to {@code dir/migration} and
   * {@code dir/rollback}, for tests that add, edit or remove one.
   */
  static void copyScripts(Path dir) throws IOException {
    copy(CarriersMigrations.DEFAULT_LOCATION, dir.resolve("migration"));
    copy(CarriersMigrations.DEFAULT_ROLLBACK_LOCATION, dir.resolve("rollback"));
  }

  private static void copy(String location, Path target) throws IOException {
    Files.createDirectories(target);
    for (ScriptCatalog.Script script : ScriptCatalog.scan(Fixtures.class.getClassLoader(), List.of(location)).scripts()) {
      Files.writeString(target.resolve(script.fileName()), script.read(), StandardCharsets.UTF_8);
    }
  }

  /** Copies the build's scripts to {@code dir} ({@link #copyScripts}) and migrates the database with them. */
  static void copyScriptsAndMigrate(TestDatabase database, Path dir) throws IOException {
    copyScripts(dir);
    fromDirectory(database, dir).load().migrate();
  }

  /**
   * Adds a migration to the scripts {@link #copyScripts} copied to {@code dir}, with its reverse
   * script unless that is null.
   */
  static void addMigration(Path dir, String name, String sql, String reverseSql) throws IOException {
    Files.writeString(dir.resolve("migration").resolve(name), sql, StandardCharsets.UTF_8);
    if (reverseSql != null) {
      Files.writeString(dir.resolve("rollback").resolve(name), reverseSql, StandardCharsets.UTF_8);
    }
  }

  /** A configuration reading the scripts copied by {@link #copyScripts}. */
  static MigrationsConfiguration fromDirectory(TestDatabase database, Path dir) {
    return CarriersMigrations.configure()
        .dataSource(database.dataSource())
        .locations("filesystem:" + dir.resolve("migration"))
        .rollbackLocations("filesystem:" + dir.resolve("rollback"));
  }

  /**
   * Returns {@code pg_dump --schema-only} of the database without the history and audit tables and
   * without noise that does not describe the schema (comments, SET lines, blank lines, the
   * {@code \restrict} keys of recent pg_dump releases).
   */
  static String schemaDump(TestDatabase database) throws IOException, InterruptedException {
    Properties url = Driver.parseURL(database.jdbcUrl(), null);
    List<String> command = List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
        "--exclude-table=*.flyway_schema_history", "--exclude-schema=carriers_audit",
        "--host=" + PGProperty.PG_HOST.getOrDefault(url), "--port=" + PGProperty.PG_PORT.getOrDefault(url),
        "--username=" + database.server().user(), "--dbname=" + database.name());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    if (database.server().password() != null) {
      builder.environment().put("PGPASSWORD", database.server().password());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("pg_dump must be on the PATH for the schema round-trip tests", e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("pg_dump failed: " + err);
    }
    return out.lines()
        .filter(line -> !line.isBlank())
        .filter(line -> !line.startsWith("--"))
        .filter(line -> !line.startsWith("SET "))
        .filter(line -> !line.startsWith("SELECT pg_catalog.set_config"))
        .filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
        .collect(Collectors.joining("\n"));
  }

  /** Returns the history rows as {@code version|description|type|script|checksum|success}, by rank. */
  static List<String> history(TestDatabase database) throws SQLException {
    if (!query(database, "select to_regclass('flyway_schema_history') is not null").get(0).equals("t")) {
      return List.of();
    }
    return query(database, "select version || '|' || description || '|' || type || '|' || script || '|'"
        + " || coalesce(checksum::text, '') || '|' || success from flyway_schema_history order by installed_rank");
  }

  /** Runs a query and returns the first column of every row as text. */
  static List<String> query(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }

  /** Runs statements. */
  static void execute(TestDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
