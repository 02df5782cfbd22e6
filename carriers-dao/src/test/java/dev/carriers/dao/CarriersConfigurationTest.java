package dev.carriers.dao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.InvalidDatabaseUrlException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CarriersConfigurationTest {

  private static final String URL = "postgresql://app:hunter2-secret@db.internal:6543/carriers?sslmode=require";

  @Test
  void rejectsBadValuesAtOnce_sayingWhy() {
    CarriersConfiguration configuration = Carriers.configure();
    assertThatThrownBy(() -> configuration.maxPoolSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPoolSize 0 makes no sense: use 1 to 100");
    assertThatThrownBy(() -> configuration.minIdle(-1)).hasMessage("minIdle -1 makes no sense: use 0 to 100");
    assertThatThrownBy(() -> configuration.connectionTimeout(Duration.ofMillis(10)))
        .hasMessage("connectionTimeout PT0.01S makes no sense: use 250 ms (HikariCP's minimum) to 5 minutes");
    assertThatThrownBy(() -> configuration.idleTimeout(Duration.ofSeconds(1)))
        .hasMessageContaining("idleTimeout PT1S makes no sense");
    assertThatThrownBy(() -> configuration.maxLifetime(Duration.ofSeconds(1)))
        .hasMessageContaining("maxLifetime PT1S makes no sense");
    assertThatThrownBy(() -> configuration.poolName(" ")).hasMessageContaining("blank poolName");
    assertThatThrownBy(() -> configuration.healthSchemaCacheTtl(Duration.ofSeconds(-1)))
        .hasMessageContaining("healthSchemaCacheTtl");
    assertThatThrownBy(configuration::load).isInstanceOf(IllegalStateException.class)
        .hasMessage("no database: call databaseUrl(...) or dataSource(...) before load()");
    assertThatThrownBy(() -> configuration.databaseUrl(URL).idleTimeout(Duration.ofHours(1))
        .maxLifetime(Duration.ofMinutes(30)).load())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be less than maxLifetime");
  }

  @Test
  void monitoringSettings_areCheckedAtOnce_andShown() {
    assertThatThrownBy(() -> Carriers.configure().slowStatementThreshold(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slowStatementThreshold PT0S makes no sense: use 1 ms to 1 hour");
    assertThatThrownBy(() -> Carriers.configure().meterRegistry(null)).isInstanceOf(NullPointerException.class);
    assertThat(Carriers.configure().databaseUrl(URL).toString()).endsWith("metrics off, slow statements from 250 ms");
    assertThat(Carriers.configure().databaseUrl(URL).slowStatementLog(false).toString())
        .endsWith("slow statements not logged");
  }

  @Test
  void neverShowsThePassword() {
    CarriersConfiguration configuration = Carriers.configure().databaseUrl(URL).maxPoolSize(3);
    assertThat(configuration.toString())
        .contains("db.internal:6543/carriers", "sslmode=require", "password=***", "max 3")
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> Carriers.configure().databaseUrl("mysql://app:hunter2-secret@db/x"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> Carriers.configure().databaseUrl("postgresql://app:hunter2-secret@db/x?bogus=1"))
        .isInstanceOf(InvalidDatabaseUrlException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("bogus").doesNotContain("hunter2"));
  }

  @Test
  void settersReturnAChangedCopy_andLeaveTheOriginalAsItWas() {
    CarriersConfiguration defaults = Carriers.configure();
    CarriersConfiguration three = defaults.maxPoolSize(3).connectionTimeout(Duration.ofSeconds(2));
    assertThat(three).isNotSameAs(defaults);
    assertThat(three.maxPoolSize()).isEqualTo(3);
    assertThat(three.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.maxPoolSize()).isEqualTo(5);
    assertThat(defaults.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(three.databaseUrl(URL).dataSource(new org.postgresql.ds.PGSimpleDataSource()).toString())
        .startsWith("dataSource=org.postgresql.ds.PGSimpleDataSource");

    TransactionOptions serializable = TransactionOptions.defaults()
        .isolation(TransactionOptions.Isolation.SERIALIZABLE);
    TransactionOptions retrying = serializable.retry(3, Duration.ofMillis(1), Duration.ofMillis(2));
    assertThat(TransactionOptions.defaults().isolation()).isEqualTo(TransactionOptions.Isolation.DEFAULT);
    assertThat(serializable.maxAttempts()).isEqualTo(1);
    assertThat(retrying.isolation()).isEqualTo(TransactionOptions.Isolation.SERIALIZABLE);
    assertThat(retrying.maxAttempts()).isEqualTo(3);

    // Other filters drop the cursor (it belongs to the filters it was made for); the page size keeps it.
    CarrierQuery page = CarrierQuery.all().status(dev.carriers.schema.jooq.enums.CarrierStatus.ACTIVE).after("c");
    assertThat(page.pageSize(7).cursor()).contains("c");
    assertThat(page.nameContains("blue").cursor()).isEmpty();
    assertThat(page.hasMcNumber(true).cursor()).isEmpty();
    assertThat(CarrierQuery.all().cursor()).isEmpty();
    assertThat(CarrierQuery.all().status()).isEmpty();

    CarrierUpdate rename = CarrierUpdate.create().name(" Acme ");
    assertThat(rename.name()).contains("Acme");
    assertThat(rename.mcNumber("MC-042").mcNumberOrNull()).isEqualTo("42");
    assertThat(rename.setsMcNumber()).isFalse();
    assertThat(CarrierUpdate.create().isEmpty()).isTrue();
  }

  @Test
  void retryOptions_rejectBadValues() {
    assertThatThrownBy(() -> TransactionOptions.defaults().retry(0, Duration.ZERO, Duration.ZERO))
        .hasMessage("maxAttempts 0 makes no sense: use 1 to 20");
    assertThatThrownBy(() -> TransactionOptions.defaults().retry(3, Duration.ofSeconds(1), Duration.ofMillis(1)))
        .hasMessageContaining("maxBackoff PT0.001S makes no sense");
    TransactionOptions options = TransactionOptions.defaults().retry(5, Duration.ofMillis(10), Duration.ofMillis(35));
    assertThat(options.backoffBoundNanos(2)).isEqualTo(Duration.ofMillis(10).toNanos());
    assertThat(options.backoffBoundNanos(3)).isEqualTo(Duration.ofMillis(20).toNanos());
    assertThat(options.backoffBoundNanos(4)).isEqualTo(Duration.ofMillis(35).toNanos());
  }

  @Test
  void thePoolGetsThePasswordOnlyAsAProperty_whichHikariMasksInItsLogs() {
    com.zaxxer.hikari.HikariConfig hikari = Carriers.configure().databaseUrl(URL)
        .maxPoolSize(4).minIdle(2).connectionTimeout(Duration.ofSeconds(3)).idleTimeout(Duration.ofMinutes(2))
        .maxLifetime(Duration.ofMinutes(20)).poolName("svc").hikariConfig();
    assertThat(hikari.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/carriers").doesNotContain("hunter2");
    assertThat(hikari.getPassword()).isNull();
    assertThat(hikari.getDataSourceProperties()).containsEntry("password", "hunter2-secret")
        .containsEntry("sslmode", "require").containsEntry("user", "app");
    assertThat(hikari.getMaximumPoolSize()).isEqualTo(4);
    assertThat(hikari.getMinimumIdle()).isEqualTo(2);
    assertThat(hikari.getConnectionTimeout()).isEqualTo(3000);
    assertThat(hikari.getIdleTimeout()).isEqualTo(120_000);
    assertThat(hikari.getMaxLifetime()).isEqualTo(1_200_000);
    assertThat(hikari.getPoolName()).isEqualTo("svc");
    assertThat(hikari.getInitializationFailTimeout()).isEqualTo(-1);
  }
}
