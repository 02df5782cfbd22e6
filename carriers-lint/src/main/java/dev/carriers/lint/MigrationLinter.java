package dev.carriers.lint;

import dev.carriers.lint.internal.MigrationFiles;
import dev.carriers.lint.internal.PgQuery;
import dev.carriers.lint.internal.SchemaState;
import dev.carriers.lint.internal.ScriptLinter;
import dev.carriers.lint.internal.SuppressionsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lints migration scripts for operations that lock or rewrite a busy table (see {@link Rule}),
 * parsing them with PostgreSQL's own grammar through libpg_query: no regular expressions over SQL.
 * Scripts are linted in the order they apply, so a later script may rely on what an earlier one
 * did (a CHECK validated in V4 lets V5 {@code SET NOT NULL}).
 *
 * <pre>{@code
 * LintReport report = MigrationLinter.configure().load().lintClasspath("db/migration");
 * report.findings().forEach(System.out::println);
 * if (report.hasErrors()) { ... }
 * }</pre>
 *
 * <p>A finding is suppressed by a comment right before its statement that says why:
 * {@code -- carriers-lint: ignore drop-column -- unused since release 12}. A suppression without a
 * reason is itself an error. A script that must not change (one that has landed: editing it changes
 * its Flyway checksum) is given its suppressions in a {@value #SUPPRESSIONS_FILE} beside the
 * scripts instead, one entry a line: {@code V7__x.sql: ignore <rule> -- <reason>}.
 *
 * <p>Immutable; thread-safe.
 */
public final class MigrationLinter {

  /**
   * The suppressions file {@link #lintDirectory} and {@link #lintClasspath} read beside the
   * scripts, when there is one and no other is configured: {@value}.
   */
  public static final String SUPPRESSIONS_FILE = "carriers-lint-suppressions.txt";

  private final PgQuery pgQuery;
  private final Set<Rule> enabled;
  private final Path suppressionsFile;

  /** Loads libpg_query; only {@link LinterConfiguration#load()} builds one. */
  MigrationLinter(LinterConfiguration configuration) {
    Path libraryPath = configuration.libraryPath();
    this.pgQuery = PgQuery.load(libraryPath == null ? null : libraryPath.toString());
    this.enabled = configuration.enabledRules();
    this.suppressionsFile = configuration.suppressionsFile();
  }

  /**
   * Starts a configuration with every rule enabled, libpg_query looked up in the system's library
   * path and the suppressions file beside the scripts.
   *
   * @return the defaults; {@link LinterConfiguration#load()} builds the linter
   */
  public static LinterConfiguration configure() {
    return new LinterConfiguration();
  }

  /**
   * Lints scripts, in the order given (the order they apply), with the configured suppressions file
   * if there is one.
   *
   * @param scripts the scripts
   * @return the report
   * @throws LintException if the configured suppressions file cannot be read
   */
  public LintReport lint(List<MigrationScript> scripts) {
    return lint(scripts, suppressions(SuppressionsFile::none));
  }

  private SuppressionsFile suppressions(Supplier<SuppressionsFile> otherwise) {
    return suppressionsFile != null ? SuppressionsFile.read(suppressionsFile) : otherwise.get();
  }

  private LintReport lint(List<MigrationScript> scripts, SuppressionsFile suppressions) {
    ScriptLinter linter = new ScriptLinter(pgQuery, enabled);
    SchemaState state = new SchemaState();
    List<String> files = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<SuppressedFinding> suppressed = new ArrayList<>();
    for (MigrationScript script : scripts) {
      ScriptLinter.Result result = linter.lint(script, state);
      files.add(script.name());
      findings.addAll(result.findings());
      suppressed.addAll(result.suppressed());
    }
    return suppressions.applyTo(new LintReport(files, findings, suppressed));
  }

  /**
   * Lints the {@code .sql} files of a folder (not its subfolders), in Flyway's order: versioned
   * scripts by version, then repeatable ones by name; with the configured suppressions file, else
   * the folder's {@value #SUPPRESSIONS_FILE} if it has one.
   *
   * @param directory the folder
   * @return the report
   * @throws LintException if the folder or the suppressions file cannot be read
   */
  public LintReport lintDirectory(Path directory) {
    List<MigrationScript> scripts = MigrationFiles.fromDirectory(directory);
    return lint(scripts, suppressions(() -> SuppressionsFile.besideScripts(directory, SUPPRESSIONS_FILE)));
  }

  /**
   * Lints the {@code .sql} files under a class path location, in Flyway's order, from folders and
   * jars alike; with the configured suppressions file, else the location's {@value
   * #SUPPRESSIONS_FILE} if it has one.
   *
   * @param location e.g. {@code db/migration} or {@code classpath:db/migration}
   * @return the report
   * @throws LintException if the location does not exist, or it or the suppressions file cannot be
   *     read
   */
  public LintReport lintClasspath(String location) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : MigrationLinter.class.getClassLoader();
    List<MigrationScript> scripts = MigrationFiles.fromClasspath(location, loader);
    return lint(scripts, suppressions(() -> SuppressionsFile.besideScripts(location, SUPPRESSIONS_FILE, loader)));
  }
}
