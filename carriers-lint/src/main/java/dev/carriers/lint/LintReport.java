package dev.carriers.lint;

import java.util.List;

/**
 * What a lint found: the findings in file and line order, and the ones suppressed with a reason.
 *
 * <p>Immutable; thread-safe.
 *
 * @param files the file names linted, in the order linted
 * @param findings the findings, not suppressed
 * @param suppressed the findings suppressed by a comment that gave a reason
 */
public record LintReport(List<String> files, List<Finding> findings, List<SuppressedFinding> suppressed) {

  /** Copies the lists. */
  public LintReport {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
  }

  /** Returns the number of findings of severity {@link Severity#ERROR}. */
  public long errorCount() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
  }

  /** Returns the number of findings of severity {@link Severity#WARNING}. */
  public long warningCount() {
    return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
  }

  /** Returns whether any finding is an error: the lint fails. */
  public boolean hasErrors() {
    return errorCount() > 0;
  }
}
