package dev.carriers.dao.monitoring;

import dev.carriers.dao.CarrierQuery;
import dev.carriers.dao.Carriers;
import dev.carriers.dao.CarriersHealth;
import dev.carriers.dao.NewCarrier;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import java.time.Duration;
import java.util.function.Function;

/**
 * What {@link WithoutMicrometerIT} runs in a class loader without Micrometer: the DAO's whole
 * surface, from a URL (so with a HikariCP pool of its own), with the slow-statement log on.
 */
public final class WithoutMicrometerScenario implements Function<String, String> {

  /** Created by reflection. */
  public WithoutMicrometerScenario() {
  }

  @Override
  public String apply(String jdbcUrl) {
    StringBuilder outcome = new StringBuilder();
    try (Carriers carriers = Carriers.configure().databaseUrl(jdbcUrl).maxPoolSize(2)
        .slowStatementThreshold(Duration.ofMillis(1)).load()) {
      CarrierRecord created = carriers.carriers().create(NewCarrier.of("No Metrics Freight", "424242"));
      outcome.append("created");
      if (carriers.carriers().findByMcNumber("MC-424242").isPresent()) {
        outcome.append(", found");
      }
      outcome.append(", listed ").append(carriers.carriers().list(CarrierQuery.all()).items().size());
      outcome.append(", counted ").append(carriers.carriers().count());
      long inTransaction = carriers.inTransaction(tx -> {
        tx.carriers().create(NewCarrier.of("Second", null));
        return tx.carriers().count();
      });
      outcome.append(", in a transaction ").append(inTransaction);
      CarriersHealth health = carriers.health();
      if (health.isHealthy() && health.pool().acquireTimeP95() == null && health.server() != null) {
        outcome.append(", healthy");
      }
      if (carriers.carriers().delete(created.getId())) {
        outcome.append(", deleted");
      }
    }
    return outcome.toString();
  }
}
