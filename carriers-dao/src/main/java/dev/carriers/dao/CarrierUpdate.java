package dev.carriers.dao;

import dev.carriers.dao.validation.McNumbers;
import dev.carriers.dao.validation.Violation;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A partial change to a carrier: only the fields given are written. Same rules as
 * {@link NewCarrier}: the name is trimmed and must be 1 to 255 characters, the MC number is cleaned
 * towards its canonical form and must then be 1 to 8 digits. The DAO validates before any SQL runs.
 *
 * <pre>{@code
 * CarrierUpdate change = CarrierUpdate.create().name("Acme Freight").status(CarrierStatus.INACTIVE);
 * CarrierUpdate clear = CarrierUpdate.create().clearMcNumber();
 * }</pre>
 *
 * <p>Effectively immutable and thread-safe: each method changes only the fresh copy it returns.
 */
public final class CarrierUpdate {

  private static final CarrierUpdate EMPTY = new CarrierUpdate();

  // Each part of a change is a field listed once; the copy constructor copies them all. A field
  // not given is null, which the constraints accept; a name given as null is caught by
  // structuralViolations.
  @Size(min = 1, max = 255, message = "must be 1 to 255 characters")
  @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
  private String name;
  private boolean nameGiven;

  @Pattern(regexp = McNumbers.CANONICAL_REGEX, message = McNumbers.RULE)
  private String mcNumber;
  private boolean mcNumberGiven;

  private CarrierStatus status;

  private CarrierUpdate() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet.
  private CarrierUpdate(CarrierUpdate other, Consumer<CarrierUpdate> change) {
    this.name = other.name;
    this.nameGiven = other.nameGiven;
    this.mcNumber = other.mcNumber;
    this.mcNumberGiven = other.mcNumberGiven;
    this.status = other.status;
    change.accept(this);
  }

  /** Starts an empty change; an update needs at least one field. */
  public static CarrierUpdate create() {
    return EMPTY;
  }

  /**
   * Sets the name (trimmed).
   *
   * @param name the new name as typed; null is a violation ("must not be null")
   * @return a copy with the name set
   */
  public CarrierUpdate name(String name) {
    return new CarrierUpdate(this, copy -> {
      copy.name = name == null ? null : name.strip();
      copy.nameGiven = true;
    });
  }

  /**
   * Sets the MC number, cleaned towards its canonical form ({@code "MC-012345"} becomes
   * {@code "12345"}). A null or blank value clears it, as {@link #clearMcNumber()} does.
   *
   * @param mcNumber the MC number as typed
   * @return a copy with the MC number set
   */
  public CarrierUpdate mcNumber(String mcNumber) {
    String cleaned = McNumbers.clean(mcNumber);
    return new CarrierUpdate(this, copy -> {
      copy.mcNumber = cleaned;
      copy.mcNumberGiven = true;
    });
  }

  /**
   * Removes the carrier's MC number.
   *
   * @return a copy that clears the MC number
   */
  public CarrierUpdate clearMcNumber() {
    return mcNumber(null);
  }

  /**
   * Sets the status.
   *
   * @param status the new status
   * @return a copy with the status set
   */
  public CarrierUpdate status(CarrierStatus status) {
    Objects.requireNonNull(status, "status");
    return new CarrierUpdate(this, copy -> copy.status = status);
  }

  /** Returns the new name, if this change sets one. */
  public Optional<String> name() {
    return nameGiven ? Optional.ofNullable(name) : Optional.empty();
  }

  /** Returns whether this change sets the name. */
  public boolean setsName() {
    return nameGiven;
  }

  /** Returns whether this change sets (or clears) the MC number. */
  public boolean setsMcNumber() {
    return mcNumberGiven;
  }

  /** Returns the new canonical MC number, or null when this change clears it or leaves it. */
  public String mcNumberOrNull() {
    return mcNumber;
  }

  /** Returns the new status, if this change sets one. */
  public Optional<CarrierStatus> status() {
    return Optional.ofNullable(status);
  }

  /** Returns true when this change sets no field. */
  public boolean isEmpty() {
    return !nameGiven && !mcNumberGiven && status == null;
  }

  /** The rules Bean Validation's field constraints cannot state: they depend on what was given. */
  List<Violation> structuralViolations() {
    List<Violation> violations = new ArrayList<>(2);
    if (nameGiven && name == null) {
      violations.add(new Violation("name", "must not be null", null));
    }
    if (isEmpty()) {
      violations.add(new Violation("update", "must change at least one field (name, mcNumber or status)", null));
    }
    return violations;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CarrierUpdate[");
    if (nameGiven) {
      out.append("name=").append(name).append(' ');
    }
    if (mcNumberGiven) {
      out.append("mcNumber=").append(mcNumber).append(' ');
    }
    if (status != null) {
      out.append("status=").append(status).append(' ');
    }
    return out.toString().trim() + "]";
  }
}
