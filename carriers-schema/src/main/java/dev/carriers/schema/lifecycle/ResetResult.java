package dev.carriers.schema.lifecycle;

import dev.carriers.schema.MigrateResult;

/**
 * What a reset did.
 *
 * @param migrate the migrate that followed the drop
 * @param seeded whether the seeder ran
 */
public record ResetResult(MigrateResult migrate, boolean seeded) {
}
