package dev.carriers.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static dev.carriers.schema.jooq.Tables.CARRIERS;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;

class DatasetImportIT {

  /** Where the old way runs the script. */
  @CarriersDatabase private TestDatabase direct;

  /** Where the new way seeds the imported dataset. */
  @CarriersDatabase private TestDatabase seeded;

  /**
   * An init.sql as the old system kept it, built from the testing dataset's edge cases (quotes,
   * newlines, backslashes, non-ASCII, 255-character names, no MC number) with jOOQ's renderer, and
   * split over several statements as dumps are.
   */
  private static String initSql(List<SeedRow> rows) {
    DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    StringBuilder sql = new StringBuilder("-- init.sql\nSET client_encoding = 'UTF8';\nSTART TRANSACTION;\n");
    for (int from = 0; from < rows.size(); from += 20) {
      InsertValuesStep3<CarrierRecord, String, String, CarrierStatus> insert =
          dsl.insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER, CARRIERS.STATUS);
      for (SeedRow row : rows.subList(from, Math.min(rows.size(), from + 20))) {
        insert = insert.values(row.name(), row.mcNumber(), row.status());
      }
      sql.append(insert.getSQL(ParamType.INLINED)).append(";\n");
    }
    return sql.append("COMMIT;\n").toString();
  }

  @Test
  void anImportedInitSql_roundTripsIntoTheSameRows() throws java.io.IOException {
    List<SeedRow> edgeCases = Dataset.bundled(Environment.TESTING).rows();
    String sql = initSql(edgeCases);

    // The old way: run the script.
    Databases.execute(direct.dataSource(), sql);
    // The new way: import it into a dataset, write that as files, read them back, seed.
    Dataset imported = DatasetImport.fromInitSql(Environment.DEVELOPMENT, 1, "init.sql", sql);
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("imported");
    imported.write(dir);
    Dataset reread = Dataset.read(dir);
    assertThat(reread.checksum()).isEqualTo(imported.checksum());
    CarriersSeeder.configure().dataSource(seeded.dataSource()).dataset(reread).load().seed();

    Comparator<Databases.Stored> order = Comparator.comparing(Databases.Stored::name)
        .thenComparing(s -> String.valueOf(s.mcNumber()));
    List<Databases.Stored> expected = Databases.carriers(direct.dataSource()).stream()
        .map(s -> new Databases.Stored(0, s.name(), s.mcNumber(), s.status())).sorted(order).toList();
    List<Databases.Stored> actual = Databases.carriers(seeded.dataSource()).stream()
        .map(s -> new Databases.Stored(0, s.name(), s.mcNumber(), s.status())).sorted(order).toList();
    assertThat(expected).hasSize(edgeCases.size());
    assertThat(actual).isEqualTo(expected);
  }
}
