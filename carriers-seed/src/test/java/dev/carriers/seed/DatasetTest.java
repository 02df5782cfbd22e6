package dev.carriers.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.seed.generate.CarrierGenerator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

  private static final String HEADER = "key,name,mc_number,status\n";

  @Test
  void bundledDatasets_readAndMatchTheirManifestChecksums() {
    for (Environment environment : Environment.values()) {
      Dataset dataset = Dataset.bundled(environment);
      assertThat(dataset.environment()).isEqualTo(environment);
      assertThat(dataset.version()).isPositive();
      assertThat(dataset.size()).isPositive();
      assertThat(dataset.checksum()).matches("[0-9a-f]{64}");
    }
  }

  @Test
  void development_hasTenThousandRealisticRows_uniqueMcNumbers_statusMix_someWithoutMc() {
    Dataset dataset = Dataset.bundled(Environment.DEVELOPMENT);
    List<SeedRow> rows = dataset.rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
    List<String> mcNumbers = rows.stream().map(SeedRow::mcNumber).filter(mc -> mc != null).toList();
    assertThat(new HashSet<>(mcNumbers)).hasSameSizeAs(mcNumbers);
    assertThat(rows.size() - mcNumbers.size()).isBetween(300, 1500);
    assertThat(rows.stream().map(SeedRow::status).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(CarrierStatus.values());
    assertThat(rows).extracting(SeedRow::name).allMatch(name -> name.matches(".*(Trucking|Transport|Freight|"
        + "Logistics|Express|Carriers|Hauling|Lines|Freightways|Cartage|Haulers|Distribution|Transit|Refrigerated|"
        + "Flatbed|Expedited|Transportation).*"));
  }

  @Test
  void development_isExactlyWhatTheGeneratorMakes() {
    Dataset bundled = Dataset.bundled(Environment.DEVELOPMENT);
    List<SeedRow> generated = CarrierGenerator.generate(bundled.size(), CarrierGenerator.DEVELOPMENT_SEED, "dev-");
    assertThat(Dataset.of(Environment.DEVELOPMENT, bundled.version(), generated).checksum())
        .as("regenerate with ./mvnw -B -q -pl carriers-seed -am process-classes -Pregenerate-development-dataset")
        .isEqualTo(bundled.checksum());
  }

  @Test
  void generator_isDeterministic_andSeedsDiffer() {
    assertThat(CarrierGenerator.generate(500, 7, "x-")).isEqualTo(CarrierGenerator.generate(500, 7, "x-"));
    assertThat(CarrierGenerator.generate(500, 8, "x-")).isNotEqualTo(CarrierGenerator.generate(500, 7, "x-"));
  }

  @Test
  void testing_coversTheEdgeCases() {
    List<SeedRow> rows = Dataset.bundled(Environment.TESTING).rows();
    assertThat(rows).hasSizeBetween(40, 60);
    assertThat(rows).anyMatch(row -> row.mcNumber() == null);
    assertThat(rows).anyMatch(row -> row.name().length() == 255 && row.name().chars().allMatch(c -> c < 128));
    assertThat(rows).anyMatch(row -> row.name().length() == 255 && row.name().chars().anyMatch(c -> c > 127));
    assertThat(rows).filteredOn(row -> row.name().chars().anyMatch(c -> c > 127)).hasSizeGreaterThan(10);
    assertThat(rows.stream().map(SeedRow::status).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(CarrierStatus.values());
    for (CarrierStatus status : CarrierStatus.values()) {
      assertThat(rows).anyMatch(row -> row.status() == status && row.mcNumber() == null);
    }
    assertThat(rows).extracting(SeedRow::name).contains("Two Line\nCarrier Inc", "\"Big Jim\" Haulers LLC", "\\.");
  }

  @Test
  void production_holdsOnlyReferenceCarriers() {
    Dataset production = Dataset.bundled(Environment.PRODUCTION);
    assertThat(production.size()).isBetween(1, 50);
    assertThat(production.rows()).extracting(SeedRow::key).allMatch(key -> key.startsWith("ref-"));
  }

  @Test
  void read_reportsEveryBadRow_withFileLineAndField_andReturnsNothing() {
    String csv = HEADER
        + "a,Good Carrier,123,ACTIVE\n"                    // line 2
        + "b,   ,124,ACTIVE\n"                              // line 3: blank name
        + "c,\"Multi\nLine\",MC-12AB,ACTIVE\n"              // lines 4-5: bad MC
        + "d,Fine,125,PAUSED\n"                             // line 6: bad status
        + "a,Dup Key,126,ACTIVE\n"                          // line 7: duplicate key
        + "e,Dup Mc,MC-000123,ACTIVE\n"                     // line 8: duplicate MC (after cleaning)
        + "f," + "N".repeat(256) + ",,ACTIVE\n"             // line 9: too long
        + "g,Short,1,ACTIVE,extra\n"                        // line 10: column count
        + ",No Key,,\n";                                    // line 11: blank key

    assertRowErrors(() -> Dataset.read(Environment.TESTING, 1, "bad.csv", new StringReader(csv)),
        tuple(3L, "name"), tuple(4L, "mc_number"), tuple(6L, "status"), tuple(7L, "key"),
        tuple(8L, "mc_number"), tuple(9L, "name"), tuple(10L, "row"), tuple(11L, "key"))
        .hasMessageContaining("bad.csv line 3, field name: must not be blank")
        .hasMessageContaining("bad.csv line 8, field mc_number: duplicates the MC number on line 2");
  }

  @Test
  void largeInputs_checkedInParallel_reportEveryProblemInLineOrder() {
    List<SeedRow> rows = new java.util.ArrayList<>(CarrierGenerator.generate(30_000, 3, "big-"));
    SeedRow first = rows.get(0);
    rows.set(29_000, new SeedRow("big-bad-name", " ", null, CarrierStatus.ACTIVE));
    rows.set(25_000, new SeedRow(first.key(), "Duplicate Key Freight", null, CarrierStatus.ACTIVE));
    rows.set(21_000, new SeedRow("big-dup-mc", "Duplicate Mc Freight", first.mcNumber(), CarrierStatus.ACTIVE));
    rows.set(5, new SeedRow("big-bad-mc", "Bad Mc Freight", "MC-12AB", CarrierStatus.ACTIVE));

    assertRowErrors(() -> Dataset.of(Environment.DEVELOPMENT, 1, rows),
        tuple(7L, "mc_number"), tuple(21_002L, "mc_number"), tuple(25_002L, "key"), tuple(29_002L, "name"));
    List<SeedRow> good = CarrierGenerator.generate(30_000, 3, "big-");
    assertThat(Dataset.of(Environment.DEVELOPMENT, 1, good).rows()).isEqualTo(good);
  }

  @Test
  void read_normalisesNamesAndMcNumbers_andDefaultsStatus() {
    Dataset dataset = Dataset.read(Environment.TESTING, 1, "x.csv",
        new StringReader(HEADER + "k1,\"  Padded Name  \",MC-012345,\n"));
    assertThat(dataset.rows()).containsExactly(new SeedRow("k1", "Padded Name", "12345", CarrierStatus.ACTIVE));
  }

  @Test
  void read_rejectsAWrongHeader() {
    assertThatThrownBy(() -> Dataset.read(Environment.TESTING, 1, "x.csv", new StringReader("name,mc\nA,1\n")))
        .isInstanceOf(SeedValidationException.class)
        .hasMessageContaining("x.csv line 1, field header");
  }

  @Test
  void checksum_ignoresLineEndingsAndQuoting_butNotContent() {
    String lf = HEADER + "k1,Alpha,1,ACTIVE\nk2,Beta,,INACTIVE\n";
    String crlfQuoted = "key,name,mc_number,status\r\n\"k1\",\"Alpha\",\"1\",ACTIVE\r\nk2,Beta,,INACTIVE\r\n";
    String changed = HEADER + "k1,Alpha,1,ACTIVE\nk2,Beta,,ACTIVE\n";
    String checksum = Dataset.read(Environment.TESTING, 1, "a", new StringReader(lf)).checksum();
    assertThat(Dataset.read(Environment.TESTING, 1, "b", new StringReader(crlfQuoted)).checksum()).isEqualTo(checksum);
    assertThat(Dataset.read(Environment.TESTING, 1, "c", new StringReader(changed)).checksum()).isNotEqualTo(checksum);
  }

  @Test
  void writeThenRead_roundTripsEveryEdgeCase(@TempDir Path dir) {
    Dataset testing = Dataset.bundled(Environment.TESTING);
    testing.write(dir);
    Dataset again = Dataset.read(dir);
    assertThat(again.rows()).isEqualTo(testing.rows());
    assertThat(again.checksum()).isEqualTo(testing.checksum());
    assertThat(again.version()).isEqualTo(testing.version());
  }

  @Test
  void read_refusesContentThatDoesNotMatchTheManifestChecksum(@TempDir Path dir) throws Exception {
    Dataset.bundled(Environment.PRODUCTION).write(dir);
    Files.writeString(dir.resolve(Dataset.DATA_FILE), Files.readString(dir.resolve(Dataset.DATA_FILE))
        .replace("Unknown Carrier", "Unknown Carrier Edited"));
    assertThatThrownBy(() -> Dataset.read(dir))
        .isInstanceOf(SeedValidationException.class)
        .hasMessageContaining("field checksum")
        .hasMessageContaining("give it a new version");
  }

  @Test
  void environment_parsesIdsAndRejectsOthers() {
    assertThat(Environment.fromId("Development")).isEqualTo(Environment.DEVELOPMENT);
    assertThatThrownBy(() -> Environment.fromId("staging")).hasMessageContaining("development, testing or production");
    Set<String> ids = new HashSet<>();
    for (Environment environment : Environment.values()) {
      ids.add(environment.id());
    }
    assertThat(ids).containsExactlyInAnyOrder("development", "testing", "production");
  }

  /** Asserts that reading fails validation with exactly these (line, field) errors, in this order. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertRowErrors(ThrowingCallable read,
      Tuple... lineAndField) {
    return assertThatThrownBy(read)
        .isInstanceOfSatisfying(SeedValidationException.class, e -> assertThat(e.errors())
            .extracting(SeedRowError::line, SeedRowError::field)
            .containsExactly(lineAndField));
  }
}
