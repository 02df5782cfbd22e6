package dev.carriers.dao;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/**
 * Another carrier already has the MC number (the database's unique constraint
 * {@code carriers_mc_number_key}, SQLState 23505). The statement was rolled back: nothing was
 * written.
 */
public class DuplicateMcNumberException extends CarriersException {

  private static final long serialVersionUID = 1L;

  private final String mcNumber;
  private final String field;

  /**
   * Creates the exception.
   *
   * @param operation the operation, such as {@code create carrier}
   * @param field the input field that carried the number, such as {@code mcNumber} or
   *     {@code [3].mcNumber}
   * @param mcNumber the canonical MC number that is taken
   * @param cause the database's rejection, or null
   */
  public DuplicateMcNumberException(String operation, String field, String mcNumber, Throwable cause) {
    super(ErrorKind.DUPLICATE, operation + ": " + field + " " + mcNumber + " is already taken by another carrier", cause);
    this.mcNumber = mcNumber;
    this.field = field;
  }

  /** Returns the canonical MC number that is taken. */
  public String mcNumber() {
    return mcNumber;
  }

  /** Returns the input field that carried it, such as {@code mcNumber} or {@code [3].mcNumber}. */
  public String field() {
    return field;
  }
}
