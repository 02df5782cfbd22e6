package dev.carriers.lint;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Settings for {@link MigrationLinter}, from {@link MigrationLinter#configure()}: which rules are
 * reported, where libpg_query is, and which suppressions file applies; {@link #load()} loads
 * libpg_query and builds the linter.
 *
 * <pre>{@code
 * MigrationLinter linter = MigrationLinter.configure()
 *     .disable(Rule.CHAR_COLUMN)
 *     .suppressionsFile(Path.of("lint-suppressions.txt"))
 *     .load();
 * }</pre>
 *
 * <p>Each setter checks its value at once (a message says why a bad one makes no sense) and returns
 * a changed copy; the instance it is called on never changes. Each field is listed once, with its
 * default, and copied in the one private copy constructor (JDBI's
 * {@code SerializableTransactionRunner.Configuration} way), as in every settings object of the
 * project.
 *
 * <p>Immutable, hence thread-safe.
 */
public final class LinterConfiguration {

  // Not final so that a setter can change its own copy; no setter changes this object.
  private Set<Rule> enabled = Set.copyOf(EnumSet.allOf(Rule.class));
  private Path libraryPath;
  private Path suppressionsFile;

  /** The defaults: every rule, libpg_query from the system's library path; see {@link MigrationLinter#configure()}. */
  LinterConfiguration() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet. The rule set is
  // unmodifiable, so sharing it between copies is safe.
  private LinterConfiguration(LinterConfiguration other, Consumer<LinterConfiguration> change) {
    this.enabled = other.enabled;
    this.libraryPath = other.libraryPath;
    this.suppressionsFile = other.suppressionsFile;
    change.accept(this);
  }

  /**
   * Turns rules off for every script (a suppression comment turns one off for one statement), in
   * addition to any turned off before.
   *
   * @param rules the rules not to report
   * @return a copy without those rules
   * @throws IllegalArgumentException for a rule that cannot be turned off (those about
   *     suppressions and syntax)
   */
  public LinterConfiguration disable(Rule... rules) {
    EnumSet<Rule> remaining = EnumSet.noneOf(Rule.class);
    remaining.addAll(enabled);
    for (Rule rule : rules) {
      Objects.requireNonNull(rule, "rule");
      if (!rule.suppressible()) {
        throw new IllegalArgumentException("rule " + rule.id()
            + " cannot be disabled: it reports a malformed suppression comment or script");
      }
      remaining.remove(rule);
    }
    Set<Rule> checked = Set.copyOf(remaining);
    return new LinterConfiguration(this, copy -> copy.enabled = checked);
  }

  /**
   * Loads libpg_query from this file instead of the system's library path.
   *
   * @param path the shared library, e.g. {@code /opt/lib/libpg_query.so.1504.0}
   * @return a copy with the path
   */
  public LinterConfiguration libraryPath(Path path) {
    Objects.requireNonNull(path, "path");
    return new LinterConfiguration(this, copy -> copy.libraryPath = path);
  }

  /**
   * Reads suppressions for whole scripts from this file, instead of the {@value
   * MigrationLinter#SUPPRESSIONS_FILE} beside the scripts: one entry a line, {@code
   * <file>: ignore <rule>[, <rule>...] -- <reason>}, {@code #} for comment lines. It is read at
   * each lint.
   *
   * @param file the file
   * @return a copy with the file
   */
  public LinterConfiguration suppressionsFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new LinterConfiguration(this, copy -> copy.suppressionsFile = file);
  }

  /** Returns the rules reported: every rule but those {@link #disable disabled}. */
  public Set<Rule> enabledRules() {
    return enabled;
  }

  /** Returns the file libpg_query is loaded from, or null for the system's library path. */
  public Path libraryPath() {
    return libraryPath;
  }

  /** Returns the suppressions file, or null for the one beside the scripts. */
  public Path suppressionsFile() {
    return suppressionsFile;
  }

  /**
   * Loads libpg_query and returns the linter.
   *
   * @return an immutable, thread-safe {@link MigrationLinter}
   * @throws LibPgQueryUnavailableException if libpg_query cannot be loaded
   */
  public MigrationLinter load() {
    return new MigrationLinter(this);
  }
}
