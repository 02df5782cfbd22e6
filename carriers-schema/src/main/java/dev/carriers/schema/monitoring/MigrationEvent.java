package dev.carriers.schema.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One migration attempt as a listener sees it. A failure that happened before any migration started
 * (the database unreachable, the schema lock not free) has no version, description or script.
 *
 * @param version the migration's version, such as {@code "7"}; null when no migration was running
 * @param description the migration's description, such as {@code "create carriers name index"}; null
 *     when no migration was running
 * @param script the script's file name; null when no migration was running
 * @param outcome how the attempt ended
 * @param duration how long the migration ran; zero when no migration was running
 * @param attempt 1 for the first attempt of a {@code migrate}, 2 and up for the retries after a lock
 *     timeout
 * @param finishedAt when the attempt ended
 * @param error the error's message on failure, null on success; never contains a password
 * @param sqlState the SQLState of the database error on failure, when there was one, else null
 */
public record MigrationEvent(String version, String description, String script, MigrationOutcome outcome,
    Duration duration, int attempt, Instant finishedAt, String error, String sqlState) {

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if outcome, duration or finishedAt is null
   */
  public MigrationEvent {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** Returns whether the migration was applied. */
  public boolean succeeded() {
    return outcome == MigrationOutcome.SUCCEEDED;
  }
}
