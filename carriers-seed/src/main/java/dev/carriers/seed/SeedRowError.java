package dev.carriers.seed;

/**
 * Where a dataset row breaks a rule. Immutable and thread-safe.
 *
 * @param file the file's name, such as {@code seeds/testing/carriers.csv}
 * @param line the 1-based line the row starts on
 * @param field the column, such as {@code mc_number}
 * @param message what is wrong, such as {@code must not be blank}
 */
public record SeedRowError(String file, long line, String field, String message) {

  @Override
  public String toString() {
    return file + " line " + line + ", field " + field + ": " + message;
  }
}
