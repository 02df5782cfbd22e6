package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar in its own JVM: it starts, exits with the codes of {@link ExitCode} through
 * {@code System.exit}, and neither its output nor its logs (on the real standard error) show a
 * password.
 */
@CarriersDatabase
class RunnableJarIT {

  private static final Path JAR = Path.of(System.getProperty("carriers.cli.jar", "target/carriers.jar"));

  private static CommandRun java(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    assertThat(JAR).as("the runnable jar, built in the package phase").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("DATABASE_URL");
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("carriers-out", ".txt");
    Path err = Files.createTempFile("carriers-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("carriers " + String.join(" ", args) + " did not finish");
      }
      return new CommandRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void version_andUsageError() throws Exception {
    CommandRun version = java(Map.of(), "--version");
    version.assertExitCode(ExitCode.OK);
    assertThat(version.out()).startsWith("carriers ").doesNotContain("development");
    assertThat(java(Map.of(), "frobnicate").exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void lint_bundledMigrationsInsideTheJar_pass() throws Exception {
    // The jar's own db/migration (a jar: URL, not a folder), Jackson and JNA shaded in, libpg_query loaded.
    CommandRun lint = java(Map.of(), "lint", "--json");
    lint.assertExitCode(ExitCode.OK);
    assertThat(lint.out()).contains("\"V1__create_carriers.sql\"", "\"errors\": 0");
    assertThat(lint.err()).isEmpty();
  }

  @Test
  void migrateAndStatus_quietByDefault_verboseLogsWithoutPassword(TestDatabase server)
      throws IOException, InterruptedException, SQLException {
    String name = "carriers_cli_jar_" + ThreadLocalRandom.current().nextInt(1_000_000);
    String url = TestUrls.libpqWithPassword(server, name);
    try {
      CommandRun migrate = java(Map.of("DATABASE_URL", url), "migrate", "--create-database");
      migrate.assertExitCode(ExitCode.OK);
      assertThat(migrate.out()).contains("Applied " + KnownMigrations.COUNT + " migrations: " + KnownMigrations.LIST, "Schema version " + KnownMigrations.LATEST);
      assertThat(migrate.err()).as("Flyway's INFO stays quiet").isEmpty();

      CommandRun verbose = java(Map.of(), "status", "--verbose", "--url", url);
      verbose.assertExitCode(ExitCode.OK);
      assertThat(verbose.err()).contains("INFO");
      assertThat(verbose.all()).doesNotContain(TestUrls.PASSWORD).doesNotContain(TestUrls.ENCODED_PASSWORD);
    } finally {
      DatabaseIT.drop(server, name);
    }
  }

  @Test
  void validateAndRollback_readTheScriptsInsideTheJar(@CarriersDatabase(migrate = false) TestDatabase database)
      throws Exception {
    String url = database.jdbcUrlWithCredentials();
    assertThat(java(Map.of(), "migrate", "--url", url).exitCode()).isEqualTo(ExitCode.OK.code());
    CommandRun validate = java(Map.of(), "validate", "--url", url);
    validate.assertExitCode(ExitCode.OK);
    assertThat(validate.out()).contains("each has a reverse script");
    CommandRun rollback = java(Map.of(), "rollback", "--to", "1", "--url", url);
    rollback.assertExitCode(ExitCode.OK);
    assertThat(rollback.out()).contains("Schema version 1");
  }

  @Test
  void unreachable_exitsWithItsCodeWithoutPassword() throws Exception {
    CommandRun run = java(Map.of("DATABASE_URL", "postgresql://postgres:" + TestUrls.ENCODED_PASSWORD
        + "@127.0.0.1:1/carriers?connect_timeout=2"), "migrate", "--verbose");
    run.assertExitCode(ExitCode.DATABASE_UNREACHABLE);
    assertThat(run.err()).startsWith("carriers: cannot connect to ");
    assertThat(run.all()).doesNotContain(TestUrls.PASSWORD).doesNotContain(TestUrls.ENCODED_PASSWORD);
  }
}
