package dev.carriers.lint.internal;

import dev.carriers.lint.Finding;
import dev.carriers.lint.LintException;
import dev.carriers.lint.LintReport;
import dev.carriers.lint.Rule;
import dev.carriers.lint.Severity;
import dev.carriers.lint.SuppressedFinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suppressions kept outside the scripts, for a script that must not change (a migration that has
 * landed: editing it changes its Flyway checksum). One entry a line, in the form of a suppression
 * comment after the script's file name; {@code #} starts a comment line:
 *
 * <pre>
 * # why these are deliberate
 * V7__create_carriers_name_trgm_index.sql: ignore concurrent-index-if-not-exists -- landed; tooling checks the index
 * </pre>
 *
 * <p>An entry suppresses the named rules' findings anywhere in that script. An entry without a
 * reason or with an unknown rule is an error, one that matches nothing a warning, as for comments.
 *
 * <p>Immutable; thread-safe.
 */
public final class SuppressionsFile {

  private static final Pattern ENTRY = Pattern.compile("([^\\s:]+)\\s*:(.*)");
  private static final String FORM = "<file>: ignore <rule> -- <reason>";

  /**
   * One entry.
   *
   * @param origin the suppressions file's name, as findings report it
   * @param line the entry's 1-based line
   * @param script the script it is for
   * @param suppression what it suppresses, and why
   */
  private record Entry(String origin, int line, String script, Suppression suppression) {
  }

  private final List<Entry> entries;
  private final List<Finding> problems;

  private SuppressionsFile(List<Entry> entries, List<Finding> problems) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  /** Returns a file with no entries. */
  public static SuppressionsFile none() {
    return new SuppressionsFile(List.of(), List.of());
  }

  /**
   * Reads a suppressions file.
   *
   * @param file the file
   * @return its entries
   * @throws LintException if it cannot be read
   */
  public static SuppressionsFile read(Path file) {
    try {
      return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException e) {
      throw new LintException("lint: cannot read the suppressions file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the suppressions file of this name in a folder of migrations, if there is one.
   *
   * @param directory the folder
   * @param name the file's name
   * @return its entries, or none
   * @throws LintException if it exists but cannot be read
   */
  public static SuppressionsFile besideScripts(Path directory, String name) {
    Path file = directory.resolve(name);
    return Files.isRegularFile(file) ? read(file) : none();
  }

  /**
   * Reads the suppressions files of this name at a class path location, from every folder or jar
   * that has one.
   *
   * @param location e.g. {@code classpath:db/migration}
   * @param name the file's name
   * @param loader the class loader to search
   * @return their entries, or none
   * @throws LintException if one exists but cannot be read
   */
  public static SuppressionsFile besideScripts(String location, String name, ClassLoader loader) {
    String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    String resource = folder.replaceAll("^/+|/+$", "") + "/" + name;
    List<Entry> entries = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        try (InputStream in = url.openStream()) {
          SuppressionsFile file = parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          entries.addAll(file.entries);
          problems.addAll(file.problems);
        }
      }
    } catch (IOException e) {
      throw new LintException("lint: cannot read the suppressions file classpath:" + resource + ": "
          + e.getMessage(), e);
    }
    return new SuppressionsFile(entries, problems);
  }

  static SuppressionsFile parse(String origin, String text) {
    List<Entry> entries = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = ENTRY.matcher(line);
      Suppression suppression = matcher.matches()
          ? Suppression.parseDirective(matcher.group(2), "suppressions entry", FORM)
          : Suppression.parseDirective("", "suppressions entry", FORM);
      if (suppression.problem() != null) {
        problems.add(ScriptLinter.finding(origin, i + 1, suppression.problemRule(), suppression.problem()));
      } else {
        entries.add(new Entry(origin, i + 1, matcher.group(1), suppression));
      }
    }
    return new SuppressionsFile(entries, problems);
  }

  /**
   * Moves the findings an entry names to the suppressed ones, with the entry's reason, and adds a
   * finding for each malformed entry and each entry that matched nothing.
   *
   * @param report the report of the scripts, after their own suppression comments
   * @return the report with this file applied
   */
  public LintReport applyTo(LintReport report) {
    List<Finding> findings = new ArrayList<>();
    List<SuppressedFinding> suppressed = new ArrayList<>(report.suppressed());
    boolean[] used = new boolean[entries.size()];
    for (Finding finding : report.findings()) {
      int match = -1;
      for (int i = 0; i < entries.size(); i++) {
        Entry entry = entries.get(i);
        if (entry.script().equals(finding.file()) && entry.suppression().rules().contains(finding.rule())) {
          match = i;
          break;
        }
      }
      if (match < 0) {
        findings.add(finding);
      } else {
        used[match] = true;
        suppressed.add(new SuppressedFinding(finding, entries.get(match).suppression().reason()));
      }
    }
    findings.addAll(problems);
    Set<String> linted = Set.copyOf(report.files());
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (!used[i]) {
        findings.add(new Finding(entry.origin(), entry.line(), Rule.UNUSED_SUPPRESSION, Severity.WARNING,
            "suppression of " + entry.suppression().ruleIds() + " for " + entry.script() + " matches no finding"
                + (linted.contains(entry.script()) ? "" : ": no script of that name was linted"),
            "remove the entry, or correct its file name or rule"));
      }
    }
    return new LintReport(report.files(), findings, suppressed);
  }
}
