package dev.carriers.cli.internal;

import dev.carriers.cli.ExitCode;
import dev.carriers.schema.MigrationsConfiguration;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The guards of {@code migrate}: {@code --lock-timeout}, {@code --statement-timeout},
 * {@code --lock-retries} and {@code --retry-backoff}, applied to a
 * {@link MigrationsConfiguration}. Unset options keep the library's defaults.
 *
 * <p>One instance per invocation; not thread-safe.
 */
public final class GuardOptions {

  @Option(names = "--lock-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "PostgreSQL lock_timeout of the migration sessions: how long a statement waits for a"
          + " table lock before giving up (and retrying) instead of queueing traffic behind it,"
          + " such as 5s, 500ms, 1m. Default 5s.")
  private Duration lockTimeout;

  @Option(names = "--statement-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "PostgreSQL statement_timeout of the migration sessions, such as 30m; 0 for none."
          + " Default none.")
  private Duration statementTimeout;

  @Option(names = "--lock-retries", paramLabel = "N",
      description = "Retries after a lock timeout, 0 to 10, waiting --retry-backoff, then twice as long each"
          + " time. Default 3.")
  private Integer lockRetries;

  @Option(names = "--retry-backoff", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wait before the first retry after a lock timeout. Default 2s.")
  private Duration retryBackoff;

  /** Creates the options; picocli calls this. */
  public GuardOptions() {
  }

  /**
   * Applies the options that were given.
   *
   * @param configuration the configuration
   * @return a copy with the options applied
   * @throws CommandFailure with {@link ExitCode#USAGE} if a value makes no sense (its message says why)
   */
  MigrationsConfiguration applyTo(MigrationsConfiguration configuration) {
    try {
      return apply(configuration);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, "invalid guard option: " + e.getMessage(), e);
    }
  }

  private MigrationsConfiguration apply(MigrationsConfiguration configuration) {
    MigrationsConfiguration result = configuration;
    if (lockTimeout != null) {
      result = result.lockTimeout(lockTimeout);
    }
    if (statementTimeout != null) {
      result = result.statementTimeout(statementTimeout);
    }
    if (lockRetries != null) {
      result = result.lockTimeoutRetries(lockRetries);
    }
    if (retryBackoff != null) {
      result = result.retryBackoff(retryBackoff);
    }
    return result;
  }

  /** Reads {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 {@code PT5S}. */
  static final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|min|h)?");

    @Override
    public Duration convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      Matcher matcher = SIMPLE.matcher(text);
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m", "min" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(amount);
        };
      }
      try {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration: use 500ms, 5s, 2m, 1h or PT5S");
      }
    }
  }
}
