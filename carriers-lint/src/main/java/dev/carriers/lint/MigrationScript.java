package dev.carriers.lint;

import java.util.Objects;

/**
 * One migration script to lint: its file name (as findings report it) and its SQL text.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name the file name, e.g. {@code V7__create_carriers_name_trgm_index.sql}
 * @param sql the script's text
 */
public record MigrationScript(String name, String sql) {

  /**
   * Creates a script.
   *
   * @throws NullPointerException if either is null
   */
  public MigrationScript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }
}
