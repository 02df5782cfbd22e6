package dev.carriers.cli.internal;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The {@code --progress} option: a line on standard error per migration applied or rolled back. On
 * by default when run in a terminal, so that pipes and {@code --json} output stay clean.
 *
 * <p>One instance per invocation; not thread-safe.
 */
public final class ProgressOption {

  @Option(names = "--progress", negatable = true,
      description = "Print (or with --no-progress, do not print) a progress line per migration on"
          + " standard error; by default only in a terminal.")
  private Boolean progress;

  /** Creates the option; picocli calls this. */
  public ProgressOption() {
  }

  /**
   * Returns the listener to hand to the migrations, or null for none.
   *
   * @param err where progress lines go
   * @return the listener, or null
   */
  Consumer<String> listener(PrintWriter err) {
    boolean on = progress == null ? System.console() != null : progress;
    if (!on) {
      return null;
    }
    return line -> {
      err.println(line + " ...");
      err.flush();
    };
  }
}
