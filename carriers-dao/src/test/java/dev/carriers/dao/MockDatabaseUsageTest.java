package dev.carriers.dao;

import static dev.carriers.schema.jooq.Tables.CARRIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.dao.validation.CarrierValidationException;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.mock.MockDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a user's unit test looks like: a small service that uses {@link CarrierDao}, tested against
 * {@link MockDatabase} from carriers-testing, without a database.
 */
class MockDatabaseUsageTest {

  /** The user's code under test: registers a carrier unless one with the MC number exists. */
  static final class Onboarding {
    private final CarrierDao carriers;

    Onboarding(CarrierDao carriers) {
      this.carriers = carriers;
    }

    CarrierRecord register(String name, String mcNumber) {
      return carriers.findByMcNumber(mcNumber).orElseGet(() -> carriers.create(NewCarrier.of(name, mcNumber)));
    }
  }

  private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);
  private static final String FIND_BY_MC = "from carriers where \"?carriers\"?\\.\"?mc_number\"? = \\?";

  private final MockDatabase db = MockDatabase.create();
  private Carriers carriers;

  private Onboarding onboarding() {
    carriers = Carriers.configure().dataSource(db.dataSource()).load();
    return new Onboarding(carriers.carriers());
  }

  @AfterEach
  void close() {
    if (carriers != null) {
      carriers.close();
    }
  }

  private static CarrierRecord carrier(long id, String name, String mcNumber) {
    return new CarrierRecord(id, name, mcNumber, NOW, NOW, CarrierStatus.ACTIVE, 0L);
  }

  @Test
  void register_returnsTheExistingCarrier_withoutInserting() {
    db.onQuery(FIND_BY_MC, MockDatabase.result(CARRIERS, carrier(7, "Acme", "123456")));

    CarrierRecord registered = onboarding().register("Acme Again", "MC-0123456");

    assertThat(registered.getId()).isEqualTo(7);
    assertThat(db.executed(FIND_BY_MC)).singleElement()
        .satisfies(find -> assertThat(find.bindings()).containsExactly("123456"));
    assertThat(db.executed("insert into")).isEmpty();
  }

  @Test
  void register_insertsANewCarrier_withNormalisedInput() {
    db.onQuery(FIND_BY_MC, MockDatabase.result(CARRIERS))
        .onQuery("insert into carriers", MockDatabase.result(CARRIERS, carrier(8, "Acme", "42")));

    CarrierRecord registered = onboarding().register("  Acme ", "mc 42");

    assertThat(registered.getId()).isEqualTo(8);
    assertThat(db.executed("insert into carriers")).singleElement()
        .satisfies(insert -> assertThat(insert.bindings()).startsWith("Acme", "42"));
  }

  @Test
  void register_surfacesTypedErrors_fromTheDatabase() {
    db.onQuery(FIND_BY_MC, MockDatabase.result(CARRIERS))
        .onError("insert into carriers", "08006", "connection lost");

    assertThatThrownBy(() -> onboarding().register("Acme", "42"))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessage("create carrier failed: database unavailable (SQLState 08006): connection lost");
  }

  @Test
  void register_rejectsBadInput_beforeAnySql() {
    assertThatThrownBy(() -> onboarding().register("Acme", "MC-12AB"))
        .isInstanceOf(CarrierValidationException.class);
    assertThat(db.executed()).isEmpty();
  }
}
