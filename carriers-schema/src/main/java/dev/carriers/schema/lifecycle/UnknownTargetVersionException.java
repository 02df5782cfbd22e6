package dev.carriers.schema.lifecycle;

/**
 * The rollback target is not an applied version of this database (or asks for more steps than are
 * applied). Nothing was changed.
 */
public class UnknownTargetVersionException extends RollbackRefusedException {

  private static final long serialVersionUID = 1L;

  private final String target;

  /**
   * Creates the exception.
   *
   * @param target the requested target, as given
   * @param message what was refused and why
   */
  public UnknownTargetVersionException(String target, String message) {
    super(message);
    this.target = target;
  }

  /** Returns the requested target as given. */
  public String target() {
    return target;
  }
}
