package dev.carriers.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

  @Test
  void of_keepsParameters_andHidesThePassword() {
    PostgresServer server = PostgresServer.of(
        "jdbc:postgresql://db.example:6543/admin?user=ci&password=s3cret&sslmode=require", "test");
    assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://db.example:6543/x");
    assertThat(server.user()).isEqualTo("ci");
    assertThat(server.password()).isEqualTo("s3cret");
    assertThat(server.maintenanceDatabase()).isEqualTo("admin");
    assertThat(server.jdbcUrlWithCredentials("x")).contains("sslmode=require").contains("password=s3cret");
    assertThat(server.toString()).doesNotContain("s3cret");
  }

  @Test
  void of_rejectsANonJdbcUrl_withoutEchoingThePassword() {
    assertThatThrownBy(() -> PostgresServer.of("postgresql://ci:s3cret@db/admin", "CARRIERS_DB_URL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CARRIERS_DB_URL")
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void of_refusesSeveralHosts_andNamesThem() {
    assertThatThrownBy(() -> PostgresServer.of("jdbc:postgresql://a:5432,b:5433/postgres", "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test: the test kit needs a single host, not a,b");
  }

  @Test
  void equality_isTheUrl_notWhereItCameFrom() {
    PostgresServer server = PostgresServer.of("jdbc:postgresql://db.example:6543/postgres?user=ci", "one");
    assertThat(server).isEqualTo(PostgresServer.of("jdbc:postgresql://db.example:6543/postgres?user=ci", "two"))
        .isNotEqualTo(PostgresServer.of("jdbc:postgresql://db.example:6543/postgres?user=other", "one"));
  }

  @Test
  void dataSource_namesAParameterPgjdbcDoesNotKnow_andWhereItCameFrom() {
    PostgresServer server = PostgresServer.of("jdbc:postgresql://db.example/postgres?nonsense=1", "CARRIERS_DB_URL");
    assertThatThrownBy(() -> server.dataSource("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown pgjdbc parameter nonsense from CARRIERS_DB_URL");
  }

  @Test
  void find_prefersTheSystemProperty_thenTheEnvironmentVariable() {
    PostgresServer fromProperty = PostgresServer.find("jdbc:postgresql://a:5432/postgres",
        "jdbc:postgresql://b:5432/postgres", UNREACHABLE, () -> false, () -> null);
    assertThat(fromProperty.jdbcUrl("x")).isEqualTo("jdbc:postgresql://a:5432/x");
    assertThat(fromProperty.toString()).contains("system property carriers.db.url");

    PostgresServer fromEnvironment = PostgresServer.find(" ", "jdbc:postgresql://b:5432/postgres",
        UNREACHABLE, () -> false, () -> null);
    assertThat(fromEnvironment.jdbcUrl("x")).isEqualTo("jdbc:postgresql://b:5432/x");
    assertThat(fromEnvironment.toString()).contains("environment variable CARRIERS_DB_URL");
  }

  @Test
  void find_fallsBackToTestcontainers_whenNoLocalServerAnswers() {
    PostgresServer container = PostgresServer.find(null, null, UNREACHABLE, () -> true,
        () -> "jdbc:postgresql://127.0.0.1:49153/test?user=test&password=test");
    assertThat(container.jdbcUrl("x")).isEqualTo("jdbc:postgresql://127.0.0.1:49153/x");
    assertThat(container.toString()).contains("Testcontainers").doesNotContain("password");
  }

  @Test
  void find_withoutAnyServer_stopsWithOneMessageSayingHowToProvideOne() {
    assertThatThrownBy(() -> PostgresServer.find(null, null, UNREACHABLE, () -> false, () -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No PostgreSQL server for carriers: set the environment variable CARRIERS_DB_URL"
            + " (or -Dcarriers.db.url=...) to a jdbc:postgresql:// URL whose user may CREATE DATABASE,"
            + " start a local server on 127.0.0.1:5432 (user postgres), or start Docker so that"
            + " Testcontainers can run one.");
  }

  /** Port 1 on the loopback: refused at once. */
  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres";
}
