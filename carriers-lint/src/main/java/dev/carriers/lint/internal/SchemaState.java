package dev.carriers.lint.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What earlier scripts of one lint run established that later ones may rely on: the CHECK
 * ({@code col IS NOT NULL}) constraints added NOT VALID, the columns such a constraint has been
 * validated for (so a later {@code SET NOT NULL} needs no scan), and the declared type of every
 * column a script created or changed (so a later {@code ALTER COLUMN ... TYPE} can tell a varchar
 * widened from a rewrite).
 *
 * <p>Mutable; confined to the thread of one lint run.
 */
public final class SchemaState {

  private final Map<String, Map<String, String>> notValidNotNullChecks = new HashMap<>();
  private final Map<String, Set<String>> provenNotNull = new HashMap<>();
  private final Map<String, Map<String, ColumnType>> columnTypes = new HashMap<>();

  /**
   * A column's type as a script declared it.
   *
   * @param name the type's last name, lower case, as PostgreSQL's parser gives it ({@code varchar},
   *     {@code text}, {@code int4}, {@code serial}...)
   * @param modifiers the integer type modifiers ({@code varchar(255)}: 255), empty if none
   * @param array whether it is an array of that type
   */
  record ColumnType(String name, List<Integer> modifiers, boolean array) {

    ColumnType {
      modifiers = List.copyOf(modifiers);
    }

    /**
     * Whether changing a column from this type to {@code target} needs neither a rewrite nor a
     * scan (PostgreSQL 9.2+): varchar(n) to varchar(m >= n), varchar or text to text or to
     * varchar without a length. Any other change, narrowing a varchar included, rewrites the table
     * and its indexes (checked on PostgreSQL 15: the relfilenodes change).
     */
    boolean widensTo(ColumnType target) {
      if (array || target.array || !(name.equals("varchar") || name.equals("text"))) {
        return false;
      }
      if (target.name.equals("text") || target.name.equals("varchar") && target.modifiers.isEmpty()) {
        return true;
      }
      return target.name.equals("varchar") && name.equals("varchar") && modifiers.size() == 1
          && target.modifiers.size() == 1 && target.modifiers.get(0) >= modifiers.get(0);
    }

    @Override
    public String toString() {
      String mods = modifiers.isEmpty() ? "" : modifiers.toString().replace('[', '(').replace(']', ')').replace(" ", "");
      return name + mods + (array ? "[]" : "");
    }
  }

  void notNullCheckAdded(String table, String constraint, String column, boolean validated) {
    if (validated) {
      provenNotNull.computeIfAbsent(table, t -> new HashSet<>()).add(column);
    } else if (constraint != null) {
      notValidNotNullChecks.computeIfAbsent(table, t -> new HashMap<>()).put(constraint, column);
    }
  }

  void constraintValidated(String table, String constraint) {
    String column = notValidNotNullChecks.getOrDefault(table, Map.of()).get(constraint);
    if (column != null) {
      provenNotNull.computeIfAbsent(table, t -> new HashSet<>()).add(column);
    }
  }

  boolean provenNotNull(String table, String column) {
    return provenNotNull.getOrDefault(table, Set.of()).contains(column);
  }

  /** A table was created (or replaced): it has only the columns declared from now on. */
  void tableCreated(String table) {
    columnTypes.put(table, new HashMap<>());
  }

  /** A column was created with, or changed to, a type; null for a type the lint cannot read. */
  void columnDeclared(String table, String column, ColumnType type) {
    Map<String, ColumnType> columns = columnTypes.computeIfAbsent(table, t -> new HashMap<>());
    if (type == null) {
      columns.remove(column);
    } else {
      columns.put(column, type);
    }
  }

  void columnRenamed(String table, String from, String to) {
    Map<String, ColumnType> columns = columnTypes.get(table);
    if (columns != null && columns.containsKey(from)) {
      columns.put(to, columns.remove(from));
    }
  }

  void columnDropped(String table, String column) {
    columnTypes.getOrDefault(table, new HashMap<>()).remove(column);
  }

  void tableRenamed(String from, String to) {
    Map<String, ColumnType> columns = columnTypes.remove(from);
    if (columns != null) {
      columnTypes.put(to, columns);
    }
  }

  void tableDropped(String table) {
    columnTypes.remove(table);
  }

  /** Returns the column's declared type, or null if no script the lint saw declared it. */
  ColumnType columnType(String table, String column) {
    return columnTypes.getOrDefault(table, Map.of()).get(column);
  }
}
