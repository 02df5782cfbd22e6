package dev.carriers.lint.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What earlier scripts of one lint run established that later ones may rely on: the CHECK
 * ({@code col IS NOT NULL}) constraints added NOT VALID, and the columns such a constraint has been
 * validated for (so a later {@code SET NOT NULL} needs no scan).
 *
 * <p>Mutable; confined to the thread of one lint run.
 */
public final class SchemaState {

  private final Map<String, Map<String, String>> notValidNotNullChecks = new HashMap<>();
  private final Map<String, Set<String>> provenNotNull = new HashMap<>();

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
}
