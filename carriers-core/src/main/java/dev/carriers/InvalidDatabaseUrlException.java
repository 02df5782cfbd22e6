package dev.carriers;

/**
 * A database URL that cannot be parsed, or that names a parameter the library does not support.
 * The message says what is wrong and never contains the password. Kind
 * {@link ErrorKind#INVALID_DATABASE_URL}.
 */
public class InvalidDatabaseUrlException extends CarriersException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, with the URL masked
   * @param cause the underlying failure, or null
   */
  public InvalidDatabaseUrlException(String message, Throwable cause) {
    super(ErrorKind.INVALID_DATABASE_URL, message, cause);
  }
}
