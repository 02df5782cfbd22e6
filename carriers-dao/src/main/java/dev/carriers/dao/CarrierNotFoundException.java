package dev.carriers.dao;

import dev.carriers.ErrorKind;
import dev.carriers.CarriersException;

/** No carrier has the id an operation asked for. Nothing was written. */
public class CarrierNotFoundException extends CarriersException {

  private static final long serialVersionUID = 1L;

  private final long id;

  /**
   * Creates the exception.
   *
   * @param operation the operation, such as {@code get carrier}
   * @param id the id that matched no carrier
   */
  public CarrierNotFoundException(String operation, long id) {
    super(ErrorKind.NOT_FOUND, operation + ": no carrier with id " + id, null);
    this.id = id;
  }

  /** Returns the id that matched no carrier. */
  public long id() {
    return id;
  }
}
