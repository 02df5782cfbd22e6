package dev.carriers.lint;

import dev.carriers.lint.internal.MigrationFiles;
import dev.carriers.lint.internal.PgQuery;
import dev.carriers.lint.internal.SchemaState;
import dev.carriers.lint.internal.ScriptLinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * reason is itself an error.
 *
 * <p>Immutable; thread-safe.
 */
public final class MigrationLinter {

  private final PgQuery pgQuery;
  private final Set<Rule> enabled;

  private MigrationLinter(Builder builder) {
    this.pgQuery = PgQuery.load(builder.libraryPath == null ? null : builder.libraryPath.toString());
    this.enabled = Set.copyOf(builder.enabled);
  }

  /** Returns a builder with every rule enabled and libpg_query looked up in the system's library path. */
  public static Builder configure() {
    return new Builder();
  }

  /**
   * Lints scripts, in the order given (the order they apply).
   *
   * @param scripts the scripts
   * @return the report
   */
  public LintReport lint(List<MigrationScript> scripts) {
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
    return new LintReport(files, findings, suppressed);
  }

  /**
   * Lints the {@code .sql} files of a folder (not its subfolders), in Flyway's order: versioned
   * scripts by version, then repeatable ones by name.
   *
   * @param directory the folder
   * @return the report
   * @throws LintException if the folder cannot be read
   */
  public LintReport lintDirectory(Path directory) {
    return lint(MigrationFiles.fromDirectory(directory));
  }

  /**
   * Lints the {@code .sql} files under a class path location, in Flyway's order, from folders and
   * jars alike.
   *
   * @param location e.g. {@code db/migration} or {@code classpath:db/migration}
   * @return the report
   * @throws LintException if the location does not exist or cannot be read
   */
  public LintReport lintClasspath(String location) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return lint(MigrationFiles.fromClasspath(location, loader != null ? loader : MigrationLinter.class.getClassLoader()));
  }

  /**
   * Configures a {@link MigrationLinter}.
   *
   * <p>Not thread-safe; build on one thread.
   */
  public static final class Builder {

    private final EnumSet<Rule> enabled = EnumSet.allOf(Rule.class);
    private Path libraryPath;

    private Builder() {
    }

    /**
     * Turns rules off for every script (a suppression comment turns one off for one statement).
     *
     * @param rules the rules not to report
     * @return this builder
     * @throws IllegalArgumentException for a rule that cannot be turned off (those about
     *     suppressions and syntax)
     */
    public Builder disable(Rule... rules) {
      for (Rule rule : rules) {
        Objects.requireNonNull(rule, "rule");
        if (!rule.suppressible()) {
          throw new IllegalArgumentException("rule " + rule.id()
              + " cannot be disabled: it reports a malformed suppression comment or script");
        }
        enabled.remove(rule);
      }
      return this;
    }

    /**
     * Loads libpg_query from this file instead of the system's library path.
     *
     * @param path the shared library, e.g. {@code /opt/lib/libpg_query.so.1504.0}
     * @return this builder
     */
    public Builder libraryPath(Path path) {
      this.libraryPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * Loads libpg_query and returns the linter.
     *
     * @return the linter
     * @throws LibPgQueryUnavailableException if libpg_query cannot be loaded
     */
    public MigrationLinter load() {
      return new MigrationLinter(this);
    }
  }
}
