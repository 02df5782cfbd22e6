package dev.carriers.dao;

import java.time.Duration;

/**
 * The range checks of the DAO's settings objects ({@link CarriersConfiguration},
 * {@link TransactionOptions}, {@link CarrierQuery}), so that every setter rejects a bad value at
 * once with the same kind of message, naming the setting, the value and what would make sense
 * ({@code "maxPoolSize 0 makes no sense: use 1 to 100"}). The text is API: users grep for it.
 *
 * <p>Stateless and thread-safe.
 */
final class Bounds {

  private Bounds() {
  }

  /**
   * Checks a whole number.
   *
   * @param setting the setting's name, as the setter spells it
   * @param value the value given
   * @param min the smallest value that makes sense
   * @param max the largest value that makes sense
   * @return the value
   * @throws IllegalArgumentException outside {@code min} to {@code max}, saying so
   */
  static int check(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(setting + " " + value + " makes no sense: use " + min + " to " + max);
    }
    return value;
  }

  /**
   * Checks a duration.
   *
   * @param setting the setting's name, as the setter spells it
   * @param value the value given, not null
   * @param min the shortest value that makes sense
   * @param max the longest value that makes sense
   * @param range the range as a user reads it, with the reason for a bound where it has one,
   *     such as {@code 250 ms (HikariCP's minimum) to 5 minutes}
   * @return the value
   * @throws IllegalArgumentException outside {@code min} to {@code max}, saying so
   */
  static Duration check(String setting, Duration value, Duration min, Duration max, String range) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(setting + " " + value + " makes no sense: use " + range);
    }
    return value;
  }
}
