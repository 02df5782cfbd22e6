package dev.carriers.dao.validation;

/**
 * One broken rule: which field, what is wrong, and the rejected value (never a secret).
 *
 * @param field the field's name as the API spells it, such as {@code name} or {@code mcNumber};
 *     with an index for bulk input, such as {@code [3].name}
 * @param message what is wrong, such as {@code must not be blank}
 * @param rejectedValue the value as given, or null
 */
public record Violation(String field, String message, Object rejectedValue) {

  @Override
  public String toString() {
    return field + " " + message;
  }
}
