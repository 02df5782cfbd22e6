package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.DatabaseUrl;
import dev.carriers.cli.ExitCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DatabaseOptionsTest {

  private static DatabaseOptions parse(String... args) {
    DatabaseOptions options = new DatabaseOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void urlOption_winsOverEnvironment() {
    DatabaseUrl url = parse("--url", "postgresql://app@option-host:6543/fromoption")
        .resolve(Map.of("DATABASE_URL", "postgresql://app@env-host/fromenv"));
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://option-host:6543/fromoption");
  }

  @Test
  void environment_isUsedWithoutOption() {
    DatabaseUrl url = parse().resolve(Map.of("DATABASE_URL", "postgresql://app:pw@env-host/fromenv?sslmode=require"));
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://env-host:5432/fromenv");
    assertThat(url.user()).isEqualTo("app");
  }

  @Test
  void localDefault_isUsedWithoutOptionOrEnvironment() {
    assertThat(parse().resolve(Map.of())).isEqualTo(DatabaseUrl.parse(DatabaseUrl.LOCAL_DEFAULT));
    assertThat(parse().resolve(Map.of("DATABASE_URL", "  "))).isEqualTo(DatabaseUrl.parse(DatabaseUrl.LOCAL_DEFAULT));
  }

  @Test
  void jdbcUrlOption_isAccepted() {
    DatabaseUrl url = parse("--url=jdbc:postgresql://h:5433/db?user=u&connectTimeout=2").resolve(Map.of());
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
    assertThat(url.connectionProperties()).containsEntry("connectTimeout", "2");
  }

  @Test
  void invalidUrl_namesItsSourceAndMasksPassword() {
    assertThatThrownBy(() -> parse().resolve(Map.of("DATABASE_URL", "http://u:topsecret@h/db")))
        .isInstanceOfSatisfying(CommandFailure.class, failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageStartingWith("DATABASE_URL: ")
        .hasMessageNotContaining("topsecret");
  }
}
