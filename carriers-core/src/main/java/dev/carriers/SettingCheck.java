package dev.carriers;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The checks of every settings object's setters ({@code MigrationsConfiguration},
 * {@code CarriersConfiguration}, {@code SeederConfiguration}, the test kit's configuration, ...), so
 * that a bad value is rejected at once, with one kind of message that says why (JDBI's
 * {@code "-1 retries" makes no sense}): what was given, {@code makes no sense:}, and what would.
 * The text is API: users grep for it.
 *
 * <p>A setter checks first, then makes its changed copy:
 * <pre>{@code
 * public CarriersConfiguration maxPoolSize(int size) {
 *   SettingCheck.count("maxPoolSize", size, 1, 100);
 *   return new CarriersConfiguration(this, copy -> copy.maxPoolSize = size);
 * }
 * }</pre>
 * Each check also returns the value it was given, for use in an expression. A check that reads its
 * value does not accept null; a setter names the null argument with
 * {@link java.util.Objects#requireNonNull(Object, String)} first.
 *
 * <p>Stateless; thread-safe.
 */
public final class SettingCheck {

  private SettingCheck() {
  }

  /**
   * Rejects a value that makes no sense.
   *
   * @param sensible whether the value makes sense
   * @param given what was given, as the message starts, such as {@code "99" lock-timeout retries}
   * @param instead what would make sense, such as {@code use 0 to 10}
   * @throws IllegalArgumentException {@code <given> makes no sense: <instead>} unless sensible
   */
  public static void require(boolean sensible, String given, String instead) {
    if (!sensible) {
      throw new IllegalArgumentException(given + " makes no sense: " + instead);
    }
  }

  /**
   * Checks a whole number against its range.
   *
   * @param setting the setting, as the message names it before the value, such as {@code maxPoolSize}
   * @param value the value given
   * @param min the smallest value that makes sense
   * @param max the largest value that makes sense
   * @return the value
   * @throws IllegalArgumentException outside {@code min} to {@code max}:
   *     {@code maxPoolSize 0 makes no sense: use 1 to 100}
   */
  public static int count(String setting, int value, int min, int max) {
    require(value >= min && value <= max, setting + " " + value, "use " + min + " to " + max);
    return value;
  }

  /**
   * Checks a duration against its range.
   *
   * @param setting the setting, as the message names it before the value, such as
   *     {@code connectionTimeout} or {@code a lock wait of}
   * @param value the value given, not null
   * @param min the shortest value that makes sense
   * @param max the longest value that makes sense
   * @param range the range as a user reads it, with the reason for a bound where it has one, such as
   *     {@code 250 ms (HikariCP's minimum) to 5 minutes}
   * @return the value
   * @throws IllegalArgumentException outside {@code min} to {@code max}:
   *     {@code connectionTimeout PT0.01S makes no sense: use 250 ms (HikariCP's minimum) to 5 minutes}
   */
  public static Duration duration(String setting, Duration value, Duration min, Duration max, String range) {
    require(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, setting + " " + value, "use " + range);
    return value;
  }

  /**
   * Checks that a text is not null or blank.
   *
   * @param setting what the text is, such as {@code poolName}
   * @param value the text given
   * @param why why it must not be blank, such as {@code it names the pool in logs and metrics}
   * @return the text, as given
   * @throws IllegalArgumentException if it is null or blank: {@code a blank poolName makes no sense: ...}
   */
  public static String notBlank(String setting, String value, String why) {
    require(value != null && !value.isBlank(), "a blank " + setting, why);
    return value;
  }

  /**
   * Checks a list of texts given as arguments: at least one, none null or blank.
   *
   * @param setting what each text is, in the singular, such as {@code migration location}
   * @param values the texts given
   * @return them, as an unmodifiable list
   * @throws IllegalArgumentException if none is given ({@code no migration locations makes no sense:
   *     give at least one}) or one is blank ({@code a blank migration location makes no sense: [a, ]})
   */
  public static List<String> nonEmpty(String setting, String... values) {
    require(values.length > 0, "no " + setting + "s", "give at least one");
    return noneBlank(setting, values);
  }

  /**
   * Checks texts given as arguments: none null or blank; none at all is fine.
   *
   * @param setting what each text is, in the singular, such as {@code migration location}
   * @param values the texts given
   * @return them, as an unmodifiable list
   * @throws IllegalArgumentException if one is blank: {@code a blank migration location makes no
   *     sense: [a, ]}
   */
  public static List<String> noneBlank(String setting, String... values) {
    for (String value : values) {
      require(value != null && !value.isBlank(), "a blank " + setting, Arrays.toString(values));
    }
    return List.of(values);
  }
}
