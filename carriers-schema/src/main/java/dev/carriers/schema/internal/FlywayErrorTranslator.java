package dev.carriers.schema.internal;

import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationValidationException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;

/**
 * The one place a Flyway exception becomes the library's own, so that no Flyway type leaves
 * {@link dev.carriers.schema.CarriersMigrations}: a failed validation becomes a
 * {@link MigrationValidationException} (kind {@code MIGRATION_MISMATCH}), anything else a
 * {@link MigrationException}, whose kind is the environment's when the SQLState under it says the
 * server failed ({@code dev.carriers.SqlStateClass}).
 *
 * <p>Stateless; thread-safe.
 */
public final class FlywayErrorTranslator {

  private FlywayErrorTranslator() {
  }

  /**
   * Translates a Flyway failure, keeping it as the cause.
   *
   * @param what what failed, such as {@code migrate failed}; the message is {@code what: flyway's message}
   * @param e Flyway's exception
   * @return the exception to throw
   */
  public static MigrationException translate(String what, FlywayException e) {
    String message = what + ": " + e.getMessage();
    if (e instanceof FlywayValidateException) {
      return new MigrationValidationException(message, problems(e.getMessage()), e);
    }
    return new MigrationException(message, e);
  }

  // Flyway's validation message says "Validate failed: Migrations have failed validation" first and
  // one difference per line after it.
  private static List<String> problems(String message) {
    List<String> problems = new ArrayList<>();
    String[] lines = message == null ? new String[0] : message.split("\\R");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        problems.add(lines[i].strip());
      }
    }
    return problems.isEmpty() ? List.of(message == null ? "validation failed" : message.strip()) : problems;
  }
}
