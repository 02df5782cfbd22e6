package dev.carriers.cli.internal;

import dev.carriers.CarriersException;
import dev.carriers.cli.ExitCode;
import dev.carriers.lint.Finding;
import dev.carriers.lint.LibPgQueryUnavailableException;
import dev.carriers.lint.LintReport;
import dev.carriers.lint.LinterConfiguration;
import dev.carriers.lint.MigrationLinter;
import dev.carriers.lint.SuppressedFinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code carriers lint}: checks migration scripts for operations that lock or rewrite a busy table
 * (carriers-lint's rules). Needs no database. Exit code {@link ExitCode#LINT_FAILED} when any
 * finding is an error.
 *
 * <p>One instance per invocation; not thread-safe.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {
        "Checks migration scripts for operations that lock or rewrite a busy table (index builds without"
            + " CONCURRENTLY, constraints without NOT VALID, column type changes, volatile defaults, missing"
            + " lock_timeout, ...), parsing them with PostgreSQL's own grammar (libpg_query). Needs no database.",
        "Suppress a finding with a comment right before its statement, with a reason:"
            + " -- carriers-lint: ignore <rule> -- <reason>; for a script that must not change (a landed"
            + " migration), with a line '<file>: ignore <rule> -- <reason>' in the carriers-lint-suppressions.txt"
            + " beside the scripts (or --suppressions)."})
public final class LintCommand implements Callable<Integer> {

  /** Where the migrations bundled in the jar are. */
  static final String BUNDLED = "classpath:db/migration";

  @Spec
  private CommandSpec spec;

  @Mixin
  private VerboseOption verboseOption;

  @Option(names = "--dir", paramLabel = "PATH",
      description = "Lint the .sql files of this folder instead of the migrations bundled in the jar.")
  private Path dir;

  @Option(names = "--json", description = "Print the findings as JSON.")
  private boolean json;

  @Option(names = "--suppressions", paramLabel = "FILE",
      description = "Read suppressions for whole scripts from this file instead of the carriers-lint-suppressions.txt"
          + " beside the scripts.")
  private Path suppressions;

  @Option(names = "--libpg-query", paramLabel = "FILE",
      description = "Load libpg_query from this file instead of the system's library path.")
  private Path library;

  /** Creates the command; picocli calls this. */
  public LintCommand() {
  }

  @Override
  public Integer call() {
    Logging.configure(verboseOption.isVerbose());
    MigrationLinter linter;
    try {
      LinterConfiguration configuration = MigrationLinter.configure();
      if (library != null) {
        configuration = configuration.libraryPath(library);
      }
      if (suppressions != null) {
        configuration = configuration.suppressionsFile(suppressions);
      }
      linter = configuration.load();
    } catch (LibPgQueryUnavailableException e) {
      throw new CommandFailure(ExitCode.LINT_UNAVAILABLE, "lint: " + e.getMessage(), e);
    }
    LintReport report;
    try {
      report = dir == null ? linter.lintClasspath(BUNDLED) : linter.lintDirectory(dir);
    } catch (CarriersException e) {
      if (dir == null && suppressions == null) {
        throw e; // the jar's own migrations: not the user's input
      }
      throw new CommandFailure(ExitCode.USAGE, e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(Json.write(document(report)) + "\n");
    } else {
      print(report, out);
    }
    out.flush();
    return (report.hasErrors() ? ExitCode.LINT_FAILED : ExitCode.OK).code();
  }

  private static void print(LintReport report, PrintWriter out) {
    for (Finding finding : report.findings()) {
      out.println(finding);
      out.println("    fix: " + finding.fix());
    }
    for (SuppressedFinding suppressed : report.suppressed()) {
      Finding finding = suppressed.finding();
      out.println(finding.file() + ":" + finding.line() + ": suppressed [" + finding.rule().id() + "] "
          + suppressed.reason());
    }
    out.println(report.files().size() + " file" + (report.files().size() == 1 ? "" : "s") + " linted: "
        + report.errorCount() + " error" + (report.errorCount() == 1 ? "" : "s") + ", "
        + report.warningCount() + " warning" + (report.warningCount() == 1 ? "" : "s") + ", "
        + report.suppressed().size() + " suppressed");
  }

  private static Map<String, Object> document(LintReport report) {
    List<Object> findings = new ArrayList<>();
    for (Finding finding : report.findings()) {
      findings.add(finding(finding));
    }
    List<Object> suppressed = new ArrayList<>();
    for (SuppressedFinding entry : report.suppressed()) {
      Map<String, Object> map = finding(entry.finding());
      map.put("reason", entry.reason());
      suppressed.add(map);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("files", report.files());
    document.put("errors", report.errorCount());
    document.put("warnings", report.warningCount());
    document.put("findings", findings);
    document.put("suppressed", suppressed);
    return document;
  }

  private static Map<String, Object> finding(Finding finding) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("file", finding.file());
    map.put("line", finding.line());
    map.put("rule", finding.rule().id());
    map.put("severity", finding.severity().label());
    map.put("message", finding.message());
    map.put("fix", finding.fix());
    return map;
  }
}
