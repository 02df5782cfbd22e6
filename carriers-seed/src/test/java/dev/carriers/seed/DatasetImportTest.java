package dev.carriers.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DatasetImportTest {

  @Test
  void fromInitSql_readsEveryInsert_literalsCastsNullsAndEscapes_normalisingMcNumbers() {
    String sql = """
        SET client_encoding = 'UTF8';
        SELECT pg_catalog.set_config('search_path', '', false);
        START TRANSACTION;
        -- the old system's export
        INSERT INTO carriers (id, name, mc_number, status) VALUES
          (1, 'Acme Freight', 'MC-012345', 'ACTIVE'::carrier_status),
          (2, 'O''Brien; Sons', NULL, 'INACTIVE'),
          (3, E'Two\\nLines', '99', CAST('OUT_OF_SERVICE' AS carrier_status));
        insert into public.carriers(name, mc_number) values ('Müller Spedition', '  mc 777 ');
        COMMIT;
        """;
    Dataset dataset = DatasetImport.fromInitSql(Environment.DEVELOPMENT, 3, "init.sql", sql);
    assertThat(dataset.version()).isEqualTo(3);
    assertThat(dataset.rows()).containsExactly(
        new SeedRow("import-id-1", "Acme Freight", "12345", CarrierStatus.ACTIVE),
        new SeedRow("import-id-2", "O'Brien; Sons", null, CarrierStatus.INACTIVE),
        new SeedRow("import-id-3", "Two\nLines", "99", CarrierStatus.OUT_OF_SERVICE),
        new SeedRow("import-mc-777", "Müller Spedition", "777", CarrierStatus.ACTIVE));
  }

  @Test
  void fromInitSql_namesTheStatementRowAndFieldOfEveryBadValue() {
    String sql = """
        INSERT INTO carriers (name, mc_number) VALUES ('Good', '1'), ('   ', '2');
        INSERT INTO carriers (name, mc_number) VALUES ('Bad Mc', 'MC-12AB');
        INSERT INTO other_table (name) VALUES ('x');
        INSERT INTO carriers (name) VALUES (upper('computed'));
        """;
    assertThatThrownBy(() -> DatasetImport.fromInitSql(Environment.TESTING, 1, "init.sql", sql))
        .isInstanceOfSatisfying(SeedValidationException.class, e -> assertThat(e.errors())
            .extracting(SeedRowError::field)
            .containsExactly("insert 3", "insert 4, row 1.name"))
        .hasMessageContaining("inserts into other_table");
    String values = "INSERT INTO carriers (name, mc_number) VALUES ('Good', '1'), ('   ', '2');\n"
        + "INSERT INTO carriers (name, mc_number) VALUES ('Bad Mc', 'MC-12AB');";
    assertThatThrownBy(() -> DatasetImport.fromInitSql(Environment.TESTING, 1, "init.sql", values))
        .isInstanceOfSatisfying(SeedValidationException.class, e -> assertThat(e.errors())
            .extracting(SeedRowError::file, SeedRowError::field)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("init.sql", "insert 1, row 2.name"),
                org.assertj.core.groups.Tuple.tuple("init.sql", "insert 2, row 1.mc_number")));
  }

  @Test
  void fromInitSql_reportsAScriptThatDoesNotParse() {
    assertThatThrownBy(() -> DatasetImport.fromInitSql(Environment.TESTING, 1, "init.sql",
        "INSERT INTO carriers (name VALUES ('x');"))
        .isInstanceOf(SeedValidationException.class)
        .hasMessageContaining("init.sql line 1, field sql: does not parse");
  }

  @Test
  void fromCsv_mapsColumnsByHeader_keysFromId_andNamesBadLines() {
    String csv = "id,status,mc_number,name,created_at\n"
        + "10,ACTIVE,MC-000042,Alpha Freight,2020-01-01\n"
        + "11,INACTIVE,,\"Beta, Inc\",2020-01-02\n";
    Dataset dataset = DatasetImport.fromCsv(Environment.DEVELOPMENT, 1, "dump.csv", new StringReader(csv));
    assertThat(dataset.rows()).containsExactly(
        new SeedRow("import-id-10", "Alpha Freight", "42", CarrierStatus.ACTIVE),
        new SeedRow("import-id-11", "Beta, Inc", null, CarrierStatus.INACTIVE));

    String bad = "name,mc_number\nFine,1\n\"\",2\nAlso Fine,3\nDup,MC-1\n";
    assertThatThrownBy(() -> DatasetImport.fromCsv(Environment.DEVELOPMENT, 1, "dump.csv", new StringReader(bad)))
        .isInstanceOfSatisfying(SeedValidationException.class, e -> assertThat(e.errors())
            .extracting(SeedRowError::line, SeedRowError::field)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "name"),
                org.assertj.core.groups.Tuple.tuple(5L, "key")));
  }
}
