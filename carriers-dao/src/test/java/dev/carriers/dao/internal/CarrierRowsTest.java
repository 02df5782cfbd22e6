package dev.carriers.dao.internal;

import static dev.carriers.schema.jooq.Tables.CARRIERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockResultSet;
import org.junit.jupiter.api.Test;

/** The two ways {@link CarrierRows} maps a row agree, and the fast one knows every column. */
class CarrierRowsTest {

  private final CarrierRows carrierRows = new CarrierRows();

  @Test
  void fastPath_coversEveryColumnOfTheTable() {
    // Fails when a migration adds a column to carriers: teach readKnownColumns the new column.
    assertThat(carrierRows.readsKnownColumns()).isTrue();
  }

  @Test
  void fastAndGenericPaths_mapRowsAlike() throws Exception {
    OffsetDateTime created = OffsetDateTime.parse("2026-01-02T03:04:05Z");
    CarrierRecord withEverything = new CarrierRecord(7L, "Acme", "12345", created, created.plusDays(1),
        CarrierStatus.OUT_OF_SERVICE, 3L);
    CarrierRecord withNulls = new CarrierRecord(8L, "Beta", null, created, created, CarrierStatus.ACTIVE, 0L);
    for (CarrierRecord expected : new CarrierRecord[] {withEverything, withNulls}) {
      for (boolean fast : new boolean[] {true, false}) {
        // As jOOQ's own fetch leaves a record: unchanged, its originals the values read.
        assertThat(read(expected, fast)).isEqualTo(expected).satisfies(r -> {
          assertThat(r.changed()).isFalse();
          assertThat(r.original()).isEqualTo(expected);
          assertThat(r.original(CARRIERS.ID)).isEqualTo(expected.getId());
        });
      }
    }
  }

  private CarrierRecord read(CarrierRecord row, boolean fast) throws Exception {
    DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    Result<CarrierRecord> result = dsl.newResult(CARRIERS);
    result.add(row.copy().with(CARRIERS.ID, row.getId()));
    try (ResultSet rows = new MockResultSet(result)) {
      assertThat(rows.next()).isTrue();
      return fast ? carrierRows.readKnownColumns(rows) : carrierRows.readAnyColumns(rows);
    }
  }
}
