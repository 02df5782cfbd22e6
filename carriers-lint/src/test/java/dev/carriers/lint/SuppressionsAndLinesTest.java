package dev.carriers.lint;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppression comments, and line numbers in scripts with comments, function bodies and non-ASCII text. */
class SuppressionsAndLinesTest {

  private static final MigrationLinter LINTER = MigrationLinter.configure().load();

  private static LintReport lint(String sql) {
    return LINTER.lint(List.of(new MigrationScript("V9__test.sql", sql)));
  }

  @Test
  void suppressionWithReason_suppressesAndIsReported() {
    LintReport report = lint("""
        set local lock_timeout = '5s';
        -- The column has been unused since release 12.
        -- carriers-lint: ignore drop-column -- unused since release 12, see issue 40
        alter table carriers drop column fax;
        """);
    assertThat(report.findings()).isEmpty();
    assertThat(report.suppressed()).singleElement().satisfies(s -> {
      assertThat(s.finding().rule()).isEqualTo(Rule.DROP_COLUMN);
      assertThat(s.finding().line()).isEqualTo(4);
      assertThat(s.reason()).isEqualTo("unused since release 12, see issue 40");
    });
  }

  @Test
  void suppression_coversOnlyTheNextStatementAndTheNamedRules() {
    LintReport report = lint("""
        set local lock_timeout = '5s';
        /* carriers-lint: ignore drop-column, rename-column -- both unused since release 12 */
        alter table carriers drop column fax;
        alter table carriers drop column telex;
        """);
    assertThat(report.findings()).extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.DROP_COLUMN, 4));
    assertThat(report.suppressed()).hasSize(1);
  }

  @Test
  void suppressionWithoutReason_isAnErrorAndSuppressesNothing() {
    LintReport report = lint("""
        set local lock_timeout = '5s';
        -- carriers-lint: ignore drop-column
        alter table carriers drop column fax;
        """);
    assertThat(report.findings()).extracting(Finding::rule, Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.SUPPRESSION_WITHOUT_REASON, 2),
        org.assertj.core.groups.Tuple.tuple(Rule.DROP_COLUMN, 3));
    assertThat(report.hasErrors()).isTrue();
    assertThat(lint("set local lock_timeout = '5s';\n-- carriers-lint: ignore drop-column --   \n"
        + "alter table carriers drop column fax;").findings()).extracting(Finding::rule)
        .contains(Rule.SUPPRESSION_WITHOUT_REASON);
  }

  @Test
  void suppressionOfUnknownRule_isAnError_unusedOneAWarning() {
    assertThat(lint("-- carriers-lint: ignore no-such-rule -- because\nselect 1;").findings())
        .extracting(Finding::rule).containsExactly(Rule.SUPPRESSION_UNKNOWN_RULE);
    LintReport unused = lint("-- carriers-lint: ignore drop-column -- because\nselect 1;\n-- carriers-lint: ignore drop-table -- at the end\n");
    assertThat(unused.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.UNUSED_SUPPRESSION, Severity.WARNING),
        org.assertj.core.groups.Tuple.tuple(Rule.UNUSED_SUPPRESSION, Severity.WARNING));
    assertThat(unused.hasErrors()).isFalse();
  }

  @Test
  void suppressionsFileBesideTheScripts_suppressesWholeScriptsWithItsReasons(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V3__drop_fax.sql"), "set local lock_timeout = '5s';\n"
        + "alter table carriers drop column fax;\nalter table carriers drop column telex;\n");
    Files.writeString(dir.resolve("V4__char.sql"), "create table t (c char(2));\n");
    Files.writeString(dir.resolve(MigrationLinter.SUPPRESSIONS_FILE), """
        # Landed migrations: never edited, so their suppressions live here.
        V3__drop_fax.sql: ignore drop-column -- landed; fax and telex unused since release 12

        V4__char.sql: ignore char-column, serial-column -- landed; t is a fixed-width export
        """);
    LintReport report = LINTER.lintDirectory(dir);
    assertThat(report.findings()).isEmpty();
    assertThat(report.suppressed()).extracting(s -> s.finding().file(), s -> s.finding().line(), SuppressedFinding::reason)
        .containsExactly(
            tuple("V3__drop_fax.sql", 2, "landed; fax and telex unused since release 12"),
            tuple("V3__drop_fax.sql", 3, "landed; fax and telex unused since release 12"),
            tuple("V4__char.sql", 1, "landed; t is a fixed-width export"));
  }

  @Test
  void suppressionsFileEntries_areCheckedLikeComments(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V3__drop_fax.sql"), "set local lock_timeout = '5s';\nalter table carriers drop column fax;\n");
    Files.writeString(dir.resolve(MigrationLinter.SUPPRESSIONS_FILE), """
        V3__drop_fax.sql: ignore drop-column
        V3__drop_fax.sql: ignore no-such-rule -- because
        V3__drop_fax.sql drop-column -- no colon, no ignore
        V3__drop_fax.sql: ignore drop-table -- there is no DROP TABLE in it
        V99__gone.sql: ignore drop-column -- a script renamed since
        """);
    LintReport report = LINTER.lintDirectory(dir);
    String file = MigrationLinter.SUPPRESSIONS_FILE;
    assertThat(report.findings()).extracting(Finding::file, Finding::line, Finding::rule).containsExactly(
        tuple("V3__drop_fax.sql", 2, Rule.DROP_COLUMN),
        tuple(file, 1, Rule.SUPPRESSION_WITHOUT_REASON),
        tuple(file, 2, Rule.SUPPRESSION_UNKNOWN_RULE),
        tuple(file, 3, Rule.SUPPRESSION_UNKNOWN_RULE),
        tuple(file, 4, Rule.UNUSED_SUPPRESSION),
        tuple(file, 5, Rule.UNUSED_SUPPRESSION));
    assertThat(report.findings().get(1).message()).contains("write '<file>: ignore <rule> -- <reason>'");
    assertThat(report.findings().get(3).message()).contains("malformed suppressions entry");
    assertThat(report.findings().get(5).message()).contains("V99__gone.sql", "no script of that name was linted");
    assertThat(report.suppressed()).isEmpty();
  }

  @Test
  void configuredSuppressionsFile_replacesTheOneBesideTheScripts(@TempDir Path dir) throws IOException {
    Path scripts = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(scripts.resolve("V4__char.sql"), "create table t (c char(2));\n");
    Files.writeString(scripts.resolve(MigrationLinter.SUPPRESSIONS_FILE), "V4__char.sql: ignore char-column -- beside\n");
    Path elsewhere = Files.writeString(dir.resolve("lint.txt"), "V4__char.sql: ignore char-column -- configured\n");
    LintReport report = MigrationLinter.configure().suppressionsFile(elsewhere).load().lintDirectory(scripts);
    assertThat(report.suppressed()).extracting(SuppressedFinding::reason).containsExactly("configured");
    assertThat(MigrationLinter.configure().suppressionsFile(elsewhere).load()
        .lint(List.of(new MigrationScript("V4__char.sql", "create table t (c char(2));"))).findings()).isEmpty();
    MigrationLinter missing = MigrationLinter.configure().suppressionsFile(dir.resolve("nope.txt")).load();
    assertThatThrownBy(() -> missing.lintDirectory(scripts)).isInstanceOf(LintException.class)
        .hasMessageContaining("cannot read the suppressions file").hasMessageContaining("nope.txt");
  }

  @Test
  void lineNumbers_countFromTheStatementNotItsLeadingComments() {
    String sql = """
        -- Line 1: a comment, then a function whose body holds semicolons and "alter table".
        create function f() returns trigger
            language plpgsql as
        $$
        begin
            -- alter table carriers drop column x;
            new.updated_at := now();
            return new;
        end
        $$;

        /* Block comment
           over two lines; with a semicolon. */
        -- Ünïcödé in a comment: line numbers count lines, offsets count UTF-8 bytes.
        select 'naïve; ☃';
        alter table carriers
            drop column fax;   alter table carriers drop column telex;
        create table t (
            a int,
            b char(2),
            c timestamp
        );
        create index carriers_x
            on carriers (name)""";
    LintReport report = lint(sql);
    assertThat(report.findings()).extracting(Finding::rule, Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Rule.DROP_COLUMN, 16),
        org.assertj.core.groups.Tuple.tuple(Rule.LOCK_TIMEOUT_MISSING, 16),
        org.assertj.core.groups.Tuple.tuple(Rule.DROP_COLUMN, 17),
        org.assertj.core.groups.Tuple.tuple(Rule.CHAR_COLUMN, 20),
        org.assertj.core.groups.Tuple.tuple(Rule.TIMESTAMP_WITHOUT_TIME_ZONE, 21),
        org.assertj.core.groups.Tuple.tuple(Rule.INDEX_NOT_CONCURRENT, 23));
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.file()).isEqualTo("V9__test.sql"));
  }

  @Test
  void findings_carryWhyAndTheSafeAlternative() {
    Finding finding = lint("set local lock_timeout = '5s';\ncreate index carriers_x on carriers (name);").findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains("carriers_x", "carriers", "CONCURRENTLY");
    assertThat(finding.fix()).contains("CREATE INDEX CONCURRENTLY");
    assertThat(finding).hasToString("V9__test.sql:2: error [index-not-concurrent] " + finding.message());
  }
}
