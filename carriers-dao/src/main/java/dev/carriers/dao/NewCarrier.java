package dev.carriers.dao;

import dev.carriers.dao.validation.McNumbers;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A carrier to create. The factory {@link #of} normalises what a user typed (the name is trimmed,
 * the MC number cleaned towards its canonical form) and the constraints then say whether the result
 * is acceptable; the DAO validates before any SQL runs.
 *
 * @param name the legal name, trimmed, 1 to 255 characters
 * @param mcNumber the MC number in canonical form, or null for none
 * @param status the status, or null for the default {@link CarrierStatus#ACTIVE}
 */
public record NewCarrier(
    @NotBlank(message = "must not be blank")
    @Size(max = 255, message = "must be at most 255 characters")
    String name,

    @Pattern(regexp = McNumbers.CANONICAL_REGEX, message = McNumbers.RULE)
    String mcNumber,

    CarrierStatus status) {

  /**
   * Normalises user input into a carrier to create: trims the name, cleans the MC number.
   *
   * @param name the name as typed
   * @param mcNumber the MC number as typed ({@code "MC-012345"}, {@code "mc 12345"}, ...), or
   *     null or blank for none
   * @param status the status, or null for the default
   * @return the normalised input, not yet validated
   */
  public static NewCarrier of(String name, String mcNumber, CarrierStatus status) {
    return new NewCarrier(name == null ? null : name.strip(), McNumbers.clean(mcNumber), status);
  }

  /**
   * Shorthand for an active carrier.
   *
   * @param name the name as typed
   * @param mcNumber the MC number as typed, or null
   * @return the normalised input, not yet validated
   */
  public static NewCarrier of(String name, String mcNumber) {
    return of(name, mcNumber, null);
  }
}
