package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void masksPasswordsFromArgumentsAnywhere() {
    SecretMask mask = SecretMask.of(Map.of(), "status", "--url", "postgresql://app:s3cr%40t@h/db");
    assertThat(mask.apply("driver said: password s3cr@t rejected; also s3cr%40t"))
        .isEqualTo("driver said: password *** rejected; also ***");
  }

  @Test
  void masksPasswordFromEnvironmentAndJdbcParameter() {
    SecretMask mask = SecretMask.of(Map.of("DATABASE_URL", "jdbc:postgresql://h/db?user=u&password=envpass"),
        "--url=jdbc:postgresql://h/db?password=argpass&user=u");
    assertThat(mask.apply("envpass argpass")).isEqualTo("*** ***");
  }

  @Test
  void masksUrlPasswordsItWasNotTold() {
    SecretMask mask = SecretMask.of(Map.of());
    assertThat(mask.apply("postgresql://u:other@h/db and jdbc:postgresql://h/db?password=x1"))
        .isEqualTo("postgresql://u:***@h/db and jdbc:postgresql://h/db?password=***");
  }
}
