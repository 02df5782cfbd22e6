package dev.carriers.cli.internal;

import picocli.CommandLine.Option;

/**
 * The {@code --verbose} option: log at INFO (Flyway's progress) instead of WARN, and print the stack
 * trace of an error after its one-line message.
 *
 * <p>A picocli mixin; one instance per invocation, not thread-safe.
 */
public final class VerboseOption {

  /** The option's name, as the error handler looks it up. */
  static final String NAME = "--verbose";

  @Option(names = {"-v", NAME}, description = "Log more, and print stack traces of errors.")
  private boolean verbose;

  /** Creates the option; picocli calls this. */
  public VerboseOption() {
  }

  /** Returns whether {@code --verbose} was given. */
  public boolean isVerbose() {
    return verbose;
  }
}
