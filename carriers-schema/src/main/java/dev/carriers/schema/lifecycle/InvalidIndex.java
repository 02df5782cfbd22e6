package dev.carriers.schema.lifecycle;

import dev.carriers.SqlIdentifier;
import java.util.Objects;

/**
 * An index PostgreSQL marks invalid ({@code pg_index.indisvalid = false}): the remains of a
 * {@code CREATE INDEX CONCURRENTLY} that failed or was interrupted (or one being built right now).
 * It is not used by queries but is still updated on every write. {@link #fix()} says what to do.
 *
 * @param schema the index's schema
 * @param name the index's name
 * @param table the table it indexes
 * @param definition its {@code CREATE INDEX} statement
 */
public record InvalidIndex(String schema, String name, String table, String definition) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if one is null
   */
  public InvalidIndex {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(definition, "definition");
  }

  /** Returns the index's qualified, quoted name, such as {@code "public"."carriers_name_trgm_idx"}. */
  public String qualifiedName() {
    return SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(name);
  }

  /** Returns the repair: drop it without blocking writes, then build it again. */
  public String fix() {
    return "DROP INDEX CONCURRENTLY " + qualifiedName() + ", then run the migration that builds it again with"
        + " carriers migrate (if status shows that migration FAILED, first delete its row:"
        + " delete from flyway_schema_history where not success)";
  }

  /** Returns one line naming the index and the fix. */
  public String describe() {
    return "invalid index " + qualifiedName() + " on " + SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(table)
        + " (a failed CREATE INDEX CONCURRENTLY, or one still running): " + fix();
  }
}
