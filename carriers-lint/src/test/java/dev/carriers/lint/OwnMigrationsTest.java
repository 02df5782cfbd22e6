package dev.carriers.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** Every migration carriers-schema ships, present and future, passes the lint. */
class OwnMigrationsTest {

  @Test
  void bundledMigrations_haveNoErrors() {
    LintReport report = MigrationLinter.configure().load().lintClasspath("classpath:db/migration");
    assertThat(report.files()).contains("V1__create_carriers.sql", "V2__add_carrier_status_enum.sql");
    assertThat(report.files().get(0)).isEqualTo("V1__create_carriers.sql");
    assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    assertThat(report.findings()).extracting(Finding::rule).doesNotContain(Rule.UNUSED_SUPPRESSION);
    assertThat(report.suppressed()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
  }

  @Test
  void landedMigrations_takeTheirSuppressionsFromTheFileBesideThem() {
    LintReport report = MigrationLinter.configure().load().lintClasspath("classpath:db/migration");
    assertThat(report.files()).doesNotContain(MigrationLinter.SUPPRESSIONS_FILE);
    assertThat(report.suppressed()).extracting(s -> s.finding().file(), s -> s.finding().rule())
        .contains(org.assertj.core.groups.Tuple.tuple("V7__create_carriers_name_trgm_index.sql",
            Rule.CONCURRENT_INDEX_IF_NOT_EXISTS));
    assertThat(report.suppressed()).filteredOn(s -> s.finding().file().startsWith("V7__"))
        .singleElement().extracting(SuppressedFinding::reason).asString()
        .startsWith("landed migration; the invalid-index case is handled by tooling");
  }

  @Test
  void directory_isLintedInFlywayOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V10__c.sql"), "set local lock_timeout = '5s';\nalter table carriers alter column fax set not null;");
    Files.writeString(dir.resolve("V9__b.sql"), "set local lock_timeout = '5s';\nalter table carriers validate constraint fax_nn;");
    Files.writeString(dir.resolve("V2__a.sql"), "set local lock_timeout = '5s';\n"
        + "alter table carriers add constraint fax_nn check (fax is not null) not valid;");
    Files.writeString(dir.resolve("R__views.sql"), "select 1;");
    Files.writeString(dir.resolve("README.md"), "not sql");
    LintReport report = MigrationLinter.configure().load().lintDirectory(dir);
    assertThat(report.files()).containsExactly("V2__a.sql", "V9__b.sql", "V10__c.sql", "R__views.sql");
    // Only in this order does V10's SET NOT NULL rely on V9's validated check.
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void missingDirectory_failsNamingIt(@TempDir Path dir) {
    MigrationLinter linter = MigrationLinter.configure().load();
    assertThatThrownBy(() -> linter.lintDirectory(dir.resolve("nope")))
        .isInstanceOf(LintException.class).hasMessageContaining("nope").hasMessageContaining("not a directory");
    assertThatThrownBy(() -> linter.lintClasspath("db/no-such-folder"))
        .isInstanceOf(LintException.class).hasMessageContaining("no migrations at classpath:db/no-such-folder");
  }

  @Test
  void unloadableLibrary_failsWithTheFix(@TempDir Path dir) {
    assertThatThrownBy(() -> MigrationLinter.configure().libraryPath(dir.resolve("libpg_query.so.1504.0")).load())
        .isInstanceOf(LibPgQueryUnavailableException.class)
        .hasMessageContaining("install the package libpg-query1504.0");
  }
}
