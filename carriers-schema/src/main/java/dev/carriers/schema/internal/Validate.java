package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationValidationException;
import dev.carriers.schema.lifecycle.InvalidIndex;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Checks the applied migrations against the scripts (Flyway's validate: checksums, none missing,
 * none pending), that every migration has its reverse script, and that no index is invalid; and
 * reports every problem at once.
 *
 * <p>Thread-safe: one call per check, no shared state.
 *
 * @param context the shared context
 */
public record Validate(LifecycleContext context) {

  /**
   * Runs the checks.
   *
   * @throws MigrationValidationException listing every difference
   * @throws MigrationException if the database cannot be reached
   */
  public void run() {
    ValidateResult result = context.withFlyway("validate failed", Flyway::validateWithResult);
    List<String> missingReverse = context.migrations().withoutCounterpartIn(context.reverseScripts());
    List<InvalidIndex> invalid = InvalidIndexes.list(context.dataSource());
    if (result.validationSuccessful && missingReverse.isEmpty() && invalid.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (InvalidIndex index : invalid) {
      problems.add(index.describe());
    }
    for (String script : missingReverse) {
      problems.add(script + ": no reverse script (expected a file of the same name under "
          + String.join(", ", context.rollbackLocations()) + ")");
    }
    for (ValidateOutput output : result.invalidMigrations) {
      problems.add((output.version == null || output.version.isEmpty() ? "" : "version " + output.version + " ")
          + "(" + output.filepath + "): " + output.errorDetails.errorMessage);
    }
    if (!result.validationSuccessful && problems.size() == missingReverse.size() + invalid.size()
        && result.errorDetails != null) {
      problems.add(result.errorDetails.errorMessage);
    }
    throw new MigrationValidationException(problems, null);
  }
}
