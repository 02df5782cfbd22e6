package dev.carriers.seed;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import java.util.Objects;

/**
 * One carrier of a dataset, already normalised and validated. Immutable and thread-safe.
 *
 * @param key the row's stable key within its dataset (such as {@code dev-000042}): how a later
 *     version of the dataset finds the carrier this row became, MC number or not
 * @param name the carrier's name
 * @param mcNumber the canonical MC number, or null for none
 * @param status the status
 */
public record SeedRow(String key, String name, String mcNumber, CarrierStatus status) {

  /** Checks that key, name and status are present. */
  public SeedRow {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }
}
