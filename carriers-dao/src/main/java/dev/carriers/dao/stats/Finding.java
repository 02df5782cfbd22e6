package dev.carriers.dao.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a check measured: an index, a table, a session, a standby, a statement.
 *
 * @param subject what it is, such as {@code public.carriers_status_idx} or {@code pid 4242}
 * @param status how it classifies against the check's thresholds
 * @param value its measure, in the check's unit
 * @param detail one line about it, such as {@code 0 scans, 8.1 MB}
 * @param attributes its fields for machines, in a stable order (names in snake case)
 */
public record Finding(String subject, CheckStatus status, double value, String detail, Map<String, Object> attributes) {

  /**
   * Checks and copies the fields.
   *
   * @throws NullPointerException if subject, status, detail or attributes is null
   */
  public Finding {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
