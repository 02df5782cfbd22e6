package dev.carriers;

/**
 * Quotes PostgreSQL identifiers for the few statements that cannot take a bind parameter
 * ({@code CREATE DATABASE}, {@code DROP INDEX}, {@code SET search_path}): the one place the project
 * does so.
 *
 * <p>Stateless; thread-safe.
 */
public final class SqlIdentifier {

  private SqlIdentifier() {
  }

  /**
   * Quotes an identifier: wraps it in double quotes and doubles any double quote inside, so that any
   * name (mixed case, spaces, quotes) is taken literally.
   *
   * @param identifier the name
   * @return the quoted name
   * @throws IllegalArgumentException if the name is empty or contains NUL, which no PostgreSQL
   *     identifier can
   */
  public static String quote(String identifier) {
    if (identifier == null || identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("\"" + String.valueOf(identifier).replace("\0", "\\0")
          + "\" cannot be a PostgreSQL identifier: it is empty or contains NUL");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
