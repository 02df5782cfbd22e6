package dev.carriers.schema;

import static dev.carriers.schema.jooq.Tables.CARRIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import dev.carriers.testing.CarriersDatabase;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules the database itself enforces on {@code carriers}, whoever writes to it. */
@CarriersDatabase
class CarriersTableIT {

  private DSLContext dsl;

  @BeforeEach
  void setUp(DataSource dataSource) {
    dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    dsl.deleteFrom(CARRIERS).execute();
  }

  @Test
  void insert_fillsIdStatusAndTimestamps() {
    CarrierRecord carrier = dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "Acme Freight LLC")
        .set(CARRIERS.MC_NUMBER, "123456").returning().fetchOne();
    assertThat(carrier.getId()).isPositive();
    assertThat(carrier.getStatus()).isEqualTo(CarrierStatus.ACTIVE);
    assertThat(carrier.getCreatedAt()).isNotNull();
    assertThat(carrier.getUpdatedAt()).isEqualTo(carrier.getCreatedAt());
  }

  @Test
  void update_bumpsUpdatedAt_evenWhenTheWriterSetsIt() throws Exception {
    CarrierRecord carrier = dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "Acme").returning().fetchOne();
    Thread.sleep(5);
    OffsetDateTime stale = OffsetDateTime.parse("2000-01-01T00:00:00Z");
    CarrierRecord updated = dsl.update(CARRIERS).set(CARRIERS.NAME, "Acme Two")
        .set(CARRIERS.UPDATED_AT, stale).where(CARRIERS.ID.eq(carrier.getId())).returning().fetchOne();
    assertThat(updated.getUpdatedAt()).isAfter(carrier.getUpdatedAt());
    assertThat(updated.getCreatedAt()).isEqualTo(carrier.getCreatedAt());
  }

  @Test
  void emptyAndBlankNames_areRejected() {
    for (String name : new String[] {"", "   ", "\t\n"}) {
      assertThatThrownBy(() -> dsl.insertInto(CARRIERS).set(CARRIERS.NAME, name).execute())
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("carriers_name_not_blank")
          .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23514"));
    }
    assertThatThrownBy(() -> dsl.insertInto(CARRIERS).set(CARRIERS.NAME, (String) null).execute())
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23502"));
    assertThat(dsl.fetchCount(CARRIERS)).isZero();
  }

  @Test
  void namesLongerThan255Characters_areRejected() {
    dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "x".repeat(255)).execute();
    assertThatThrownBy(() -> dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "x".repeat(256)).execute())
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("22001"));
    assertThat(dsl.fetchCount(CARRIERS)).isEqualTo(1);
  }

  @Test
  void nonCanonicalMcNumbers_areRejected() {
    for (String mc : new String[] {"MC123456", "MC-123456", "0123", "123456789", "12 34", "", "12a"}) {
      assertThatThrownBy(() -> dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "Acme")
          .set(CARRIERS.MC_NUMBER, mc).execute())
          .as(mc)
          .hasMessageContaining("carriers_mc_number_canonical")
          .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23514"));
    }
    for (String mc : new String[] {"1", "12345678", "100"}) {
      dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "Acme " + mc).set(CARRIERS.MC_NUMBER, mc).execute();
    }
    assertThat(dsl.fetchCount(CARRIERS)).isEqualTo(3);
  }

  @Test
  void duplicateMcNumbers_areRejected_butManyCarriersMayHaveNone() {
    dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "First").set(CARRIERS.MC_NUMBER, "777").execute();
    assertThatThrownBy(() -> dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "Second")
        .set(CARRIERS.MC_NUMBER, "777").execute())
        .hasMessageContaining("carriers_mc_number_key")
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("23505"));
    dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "No MC 1").execute();
    dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "No MC 2").execute();
    assertThat(dsl.fetchCount(CARRIERS)).isEqualTo(3);
  }

  @Test
  void unknownStatus_isRejected() {
    assertThatThrownBy(() -> dsl.execute("insert into carriers(name, status) values ('Acme', 'SUSPENDED')"))
        .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("22P02"));
    dsl.insertInto(CARRIERS).set(CARRIERS.NAME, "Acme").set(CARRIERS.STATUS, CarrierStatus.OUT_OF_SERVICE).execute();
    assertThat(dsl.fetchOne(CARRIERS).getStatus()).isEqualTo(CarrierStatus.OUT_OF_SERVICE);
  }
}
