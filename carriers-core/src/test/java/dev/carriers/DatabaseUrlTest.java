package dev.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void libpqUri_becomesAJdbcUrlWithProperties() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s3cr%40t@db.example.com:6543/carriers?sslmode=require&application_name=api");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/carriers");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("s3cr@t");
    assertThat(url.database()).isEqualTo("carriers");
    assertThat(url.connectionProperties())
        .containsEntry("sslmode", "require")
        .containsEntry("ApplicationName", "api")
        .containsEntry("user", "app")
        .containsEntry("password", "s3cr@t");
  }

  @Test
  void postgresScheme_defaultPort_andMultipleHosts() {
    assertThat(DatabaseUrl.parse("postgres://u@localhost/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:5432/db");
    DatabaseUrl many = DatabaseUrl.parse("postgresql://u@a:5433,b/db?target_session_attrs=read-write");
    assertThat(many.jdbcUrl()).isEqualTo("jdbc:postgresql://a:5433,b:5432/db");
    assertThat(many.connectionProperties()).containsEntry("targetServerType", "primary");
  }

  @Test
  void jdbcUrl_isAcceptedAsIs() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/carriers?user=postgres&password=pw&sslmode=disable");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/carriers");
    assertThat(url.user()).isEqualTo("postgres");
    assertThat(url.password()).isEqualTo("pw");
    assertThat(url.connectionProperties()).containsEntry("sslmode", "disable");
  }

  @Test
  void toString_masksThePassword() {
    assertThat(DatabaseUrl.parse("postgresql://app:topsecret@db/carriers").toString())
        .doesNotContain("topsecret").contains("password=***").contains("user=app");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://db/carriers?password=topsecret").toString())
        .doesNotContain("topsecret");
  }

  @Test
  void badUrls_areRejectedByName_withoutEchoingThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:topsecret@db/carriers"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("postgresql://")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://app:topsecret@db/carriers?sslmod=require"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("\"sslmod\" is not supported")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://app:topsecret@db:99999/carriers"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .hasMessageContaining("port \"99999\"")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse(" "))
        .isInstanceOf(InvalidDatabaseUrlException.class).hasMessageContaining("empty");
  }

  @Test
  void withDatabase_keepsServerAndCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@db:5433/carriers?sslmode=require");
    DatabaseUrl maintenance = url.withDatabase("postgres");
    assertThat(maintenance.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/postgres");
    assertThat(maintenance.password()).isEqualTo("pw");
    assertThat(maintenance.connectionProperties()).containsEntry("sslmode", "require");
  }
}
