package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import dev.carriers.InvalidDatabaseUrlException;
import dev.carriers.cli.ExitCode;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --url} option, shared by every command that talks to a database: the URL comes from
 * {@code --url}, else the environment variable {@code DATABASE_URL}, else
 * {@link DatabaseUrl#LOCAL_DEFAULT}.
 *
 * <p>A picocli mixin; one instance per invocation, not thread-safe.
 */
public final class DatabaseOptions {

  /** The environment variable consulted when {@code --url} is not given. */
  public static final String ENVIRONMENT_VARIABLE = "DATABASE_URL";

  @Option(names = "--url", paramLabel = "<url>",
      description = {"Database URL: postgresql://user:password@host:5432/database?sslmode=require"
          + " or jdbc:postgresql://host:5432/database?user=...",
          "Default: $DATABASE_URL, else " + DatabaseUrl.LOCAL_DEFAULT})
  private String url;

  /** Creates the options; picocli calls this. */
  public DatabaseOptions() {
  }

  /**
   * Returns the database URL to use.
   *
   * @param environment the environment variables
   * @return the parsed URL
   * @throws CommandFailure with {@link ExitCode#USAGE}, naming where the URL came from, if it cannot
   *     be parsed
   */
  public DatabaseUrl resolve(Map<String, String> environment) {
    if (url != null) {
      return parse(url, "--url");
    }
    String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return parse(fromEnvironment, ENVIRONMENT_VARIABLE);
    }
    return DatabaseUrl.parse(DatabaseUrl.LOCAL_DEFAULT);
  }

  private static DatabaseUrl parse(String text, String source) {
    try {
      return DatabaseUrl.parse(text);
    } catch (InvalidDatabaseUrlException e) {
      // DatabaseUrl's messages mask the password already; mask again in case one does not.
      throw new CommandFailure(ExitCode.USAGE, source + ": " + DatabaseUrl.mask(e.getMessage()), e);
    }
  }
}
