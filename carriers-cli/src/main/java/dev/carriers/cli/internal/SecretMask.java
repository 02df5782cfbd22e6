package dev.carriers.cli.internal;

import dev.carriers.DatabaseUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passwords out of what the CLI prints about errors. It masks anything that looks like a
 * password in a URL ({@link DatabaseUrl#mask}), and also every password literally, as given in the
 * arguments or in {@code DATABASE_URL} (raw and percent-decoded), wherever it appears: in a driver
 * message, a picocli message that echoes an argument, or a stack trace.
 *
 * <p>Immutable; thread-safe.
 */
final class SecretMask {

  private static final String MASK = "***";
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("://[^/:@\\s]*:([^@/\\s]*)@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)(?:ssl)?password=([^&\\s]*)");

  private final Set<String> secrets;

  private SecretMask(Set<String> secrets) {
    this.secrets = Set.copyOf(secrets);
  }

  /**
   * Collects the passwords found in the arguments and in {@code DATABASE_URL}.
   *
   * @param environment the environment variables
   * @param args the command-line arguments
   * @return the mask
   */
  static SecretMask of(Map<String, String> environment, String... args) {
    Set<String> secrets = new LinkedHashSet<>();
    collect(environment.get(DatabaseOptions.ENVIRONMENT_VARIABLE), secrets);
    for (String arg : args) {
      collect(arg, secrets);
    }
    return new SecretMask(secrets);
  }

  private static void collect(String text, Set<String> secrets) {
    if (text == null) {
      return;
    }
    for (Pattern pattern : new Pattern[] {USER_INFO_PASSWORD, PASSWORD_PARAMETER}) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        String secret = matcher.group(1);
        if (!secret.isEmpty()) {
          secrets.add(secret);
          try {
            secrets.add(URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            // Not valid percent-encoding: the raw form is masked, and that is what was given.
          }
        }
      }
    }
  }

  /**
   * Masks every password in a text.
   *
   * @param text any text, or null
   * @return the text with passwords replaced by {@code ***}; null for null
   */
  String apply(String text) {
    if (text == null) {
      return null;
    }
    String masked = DatabaseUrl.mask(text);
    // Longest first, so that a password containing another is masked whole.
    for (String secret : secrets.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }
}
