package dev.carriers.dao.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FMCSA docket (MC) numbers in the canonical form the database stores: 1 to 8 digits, no {@code MC}
 * prefix, no separators, no leading zeros. {@code "MC-012345"}, {@code "mc 12345"} and
 * {@code "12345"} are all {@code "12345"}.
 *
 * <p>Stateless and thread-safe.
 */
public final class McNumbers {

  /** The canonical form, as the database's check constraint {@code carriers_mc_number_canonical} states it. */
  public static final String CANONICAL_REGEX = "[1-9][0-9]{0,7}";

  /**
   * What a value that is not an MC number is told, wherever it is caught: by Bean Validation on
   * {@code NewCarrier} and {@code CarrierUpdate} (a compile-time constant, so annotations can use
   * it), by the DAO's lookup, and by the translation of the database's check constraint. Message
   * text is API: users grep for it.
   */
  public static final String RULE = "must be an MC number of 1 to 8 digits, such as MC-123456 or 123456";

  private static final Pattern CANONICAL = Pattern.compile(CANONICAL_REGEX);
  private static final Pattern PREFIX = Pattern.compile("^MC[\\s#:-]*");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

  private McNumbers() {
  }

  /**
   * Returns the canonical form of an MC number as a user typed it, if it has one.
   *
   * @param input such as {@code "MC-012345"}; null or blank means "no MC number"
   * @return the canonical number, or empty when the input is null, blank or not an MC number
   */
  public static Optional<String> canonical(String input) {
    String fast = simpleCanonical(input);
    if (fast != null) {
      return Optional.of(fast);
    }
    String cleaned = clean(input);
    return isCanonical(cleaned) ? Optional.of(cleaned) : Optional.empty();
  }

  /**
   * The common forms ({@code 123456}, {@code MC-012345}, {@code mc 42}) without regular
   * expressions, since lookups by MC number are a hot path: optional surrounding space, an optional
   * {@code MC} prefix with separators, then only digits. Returns null for anything else, which
   * {@link #clean} then handles; never a value that {@code clean} would not give.
   */
  private static String simpleCanonical(String input) {
    if (input == null) {
      return null;
    }
    int start = 0;
    int end = input.length();
    while (start < end && isSpace(input.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(input.charAt(end - 1))) {
      end--;
    }
    if (end - start >= 2 && (input.charAt(start) | 0x20) == 'm' && (input.charAt(start + 1) | 0x20) == 'c') {
      start += 2;
      while (start < end && (isSpace(input.charAt(start)) || input.charAt(start) == '#'
          || input.charAt(start) == ':' || input.charAt(start) == '-')) {
        start++;
      }
    }
    while (start < end - 1 && input.charAt(start) == '0') {
      start++;
    }
    int length = end - start;
    if (length < 1 || length > 8 || input.charAt(start) == '0') {
      return null;
    }
    for (int i = start; i < end; i++) {
      char c = input.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return input.substring(start, end);
  }

  private static boolean isSpace(char c) {
    // What String.strip() and the regex \s agree on for ASCII.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  /**
   * Strips what a canonical MC number never has (surrounding space, an {@code MC} prefix in any case,
   * spaces, dashes, leading zeros) and returns the rest, canonical or not: validation then says
   * whether it is. A blank input becomes null (no MC number).
   *
   * @param input an MC number as typed, or null
   * @return the cleaned text, or null for null or blank input
   */
  public static String clean(String input) {
    if (input == null || input.isBlank()) {
      return null;
    }
    String upper = input.strip().toUpperCase(Locale.ROOT);
    String withoutPrefix = PREFIX.matcher(upper).replaceFirst("");
    String digits = SEPARATORS.matcher(withoutPrefix).replaceAll("");
    int firstNonZero = 0;
    while (firstNonZero < digits.length() - 1 && digits.charAt(firstNonZero) == '0') {
      firstNonZero++;
    }
    return digits.substring(firstNonZero);
  }

  /**
   * Tells whether a value is already canonical.
   *
   * @param value a stored value
   * @return true for 1 to 8 digits without leading zero
   */
  public static boolean isCanonical(String value) {
    return value != null && CANONICAL.matcher(value).matches();
  }
}
