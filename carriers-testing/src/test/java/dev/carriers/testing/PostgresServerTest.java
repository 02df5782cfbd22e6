package dev.carriers.testing;

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
}
