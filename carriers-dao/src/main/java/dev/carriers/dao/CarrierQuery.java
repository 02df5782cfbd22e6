package dev.carriers.dao;

import dev.carriers.SettingCheck;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which carriers to list and which page: filters (name contains, case-insensitive; status; has an
 * MC number), a page size of 1 to {@value #MAX_PAGE_SIZE} and the cursor of the previous page.
 * Pages are in ascending id order (stable: new carriers appear at the end) and are read by keyset
 * ({@code where id > last id of previous page}), never by OFFSET, so a deep page costs what the
 * first one does.
 *
 * <pre>{@code
 * CarrierQuery query = CarrierQuery.all().nameContains("freight").status(CarrierStatus.ACTIVE).pageSize(100);
 * Page<CarrierRecord> page = dao.list(query);
 * while (page.nextCursor().isPresent()) {
 *   page = dao.list(query.after(page.nextCursor().get()));
 * }
 * }</pre>
 *
 * <p>Effectively immutable and thread-safe: each method changes only the fresh copy it returns.
 */
public final class CarrierQuery {

  /** The largest page size. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** The page size when none is given. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private static final CarrierQuery ALL = new CarrierQuery();

  // Each part of a query is a field listed once, with its default; the copy constructor copies them.
  private String nameContains;
  private CarrierStatus status;
  private Boolean hasMcNumber;
  private int pageSize = DEFAULT_PAGE_SIZE;
  private String after;

  private CarrierQuery() {
  }

  // The one place that lists every field, and the one way a setter makes its changed copy:
  // every field of other, then the change, on an object nobody else has seen yet.
  private CarrierQuery(CarrierQuery other, Consumer<CarrierQuery> change) {
    this.nameContains = other.nameContains;
    this.status = other.status;
    this.hasMcNumber = other.hasMcNumber;
    this.pageSize = other.pageSize;
    this.after = other.after;
    change.accept(this);
  }

  /** A change of the filters: a cursor belongs to the filters it was made for, so it goes. */
  private CarrierQuery withFilter(Consumer<CarrierQuery> change) {
    return new CarrierQuery(this, copy -> {
      change.accept(copy);
      copy.after = null;
    });
  }

  /** Starts a query for every carrier, first page, {@value #DEFAULT_PAGE_SIZE} per page. */
  public static CarrierQuery all() {
    return ALL;
  }

  /**
   * Keeps carriers whose name contains the text, ignoring case ({@code %} and {@code _} match
   * themselves). Served by the trigram index {@code carriers_name_trgm_idx}.
   *
   * @param text the text, trimmed; null or blank removes the filter
   * @return a copy with the filter, back at the first page
   * @throws IllegalArgumentException if the text is longer than any name can be
   */
  public CarrierQuery nameContains(String text) {
    String trimmed = text == null || text.isBlank() ? null : text.strip();
    if (trimmed != null) {
      SettingCheck.require(trimmed.length() <= 255, "nameContains of " + trimmed.length() + " characters",
          "a name has at most 255");
    }
    return withFilter(copy -> copy.nameContains = trimmed);
  }

  /**
   * Keeps carriers in a status.
   *
   * @param status the status; null removes the filter
   * @return a copy with the filter, back at the first page
   */
  public CarrierQuery status(CarrierStatus status) {
    return withFilter(copy -> copy.status = status);
  }

  /**
   * Keeps carriers with (true) or without (false) an MC number.
   *
   * @param hasMcNumber the wanted presence; null removes the filter
   * @return a copy with the filter, back at the first page
   */
  public CarrierQuery hasMcNumber(Boolean hasMcNumber) {
    return withFilter(copy -> copy.hasMcNumber = hasMcNumber);
  }

  /**
   * Sets the page size.
   *
   * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
   * @return a copy with the page size
   * @throws IllegalArgumentException outside 1 to {@value #MAX_PAGE_SIZE}
   */
  public CarrierQuery pageSize(int pageSize) {
    SettingCheck.count("pageSize", pageSize, 1, MAX_PAGE_SIZE);
    return new CarrierQuery(this, copy -> copy.pageSize = pageSize);
  }

  /**
   * Moves to the page after the one that returned this cursor. The cursor is checked when the
   * query runs: one that was altered or made for other filters is rejected with a
   * {@link dev.carriers.dao.validation.CarrierValidationException} on field {@code cursor}.
   *
   * @param cursor a {@link Page#nextCursor()} of this query; null for the first page
   * @return a copy at that position
   */
  public CarrierQuery after(String cursor) {
    return new CarrierQuery(this, copy -> copy.after = cursor);
  }

  /** Returns the name filter, if any. */
  public Optional<String> nameContains() {
    return Optional.ofNullable(nameContains);
  }

  /** Returns the status filter, if any. */
  public Optional<CarrierStatus> status() {
    return Optional.ofNullable(status);
  }

  /** Returns the MC number presence filter, if any. */
  public Optional<Boolean> hasMcNumber() {
    return Optional.ofNullable(hasMcNumber);
  }

  /** Returns the page size. */
  public int pageSize() {
    return pageSize;
  }

  /** Returns the cursor this query continues from, if any. */
  public Optional<String> cursor() {
    return Optional.ofNullable(after);
  }

  /** A canonical description of the filters (not the page), which cursors are bound to. */
  String filterDescription() {
    return "name=" + (nameContains == null ? "" : nameContains.toLowerCase(java.util.Locale.ROOT))
        + "|status=" + status + "|mc=" + hasMcNumber;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CarrierQuery that && Objects.equals(nameContains, that.nameContains)
        && status == that.status && Objects.equals(hasMcNumber, that.hasMcNumber)
        && pageSize == that.pageSize && Objects.equals(after, that.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nameContains, status, hasMcNumber, pageSize, after);
  }

  @Override
  public String toString() {
    return "CarrierQuery[" + filterDescription() + "|pageSize=" + pageSize + (after == null ? "" : "|after") + "]";
  }
}
