package dev.carriers.lint;

/**
 * One problem in a migration script.
 *
 * <p>Immutable; thread-safe.
 *
 * @param file the script's file name
 * @param line the 1-based line of the statement (or of the clause at fault, when it has one)
 * @param rule the rule broken
 * @param severity the rule's severity
 * @param message why it matters, naming the table, column or index
 * @param fix the safe alternative
 */
public record Finding(String file, int line, Rule rule, Severity severity, String message, String fix) {

  /** Returns {@code file:line: severity [rule] message}, the form the CLI prints. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + severity.label() + " [" + rule.id() + "] " + message;
  }
}
