package dev.carriers.schema.lifecycle;

import java.util.List;

/**
 * What a baseline did.
 *
 * @param version the version recorded as the baseline
 * @param tablesVerified the tables whose shape was checked against that version
 */
public record BaselineResult(String version, List<String> tablesVerified) {

  /**
   * Creates a result.
   *
   * @param version the version
   * @param tablesVerified the tables, copied
   */
  public BaselineResult {
    tablesVerified = List.copyOf(tablesVerified);
  }
}
