package dev.carriers.dao;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paginated list.
 *
 * @param <T> the item type
 * @param items the items, in list order
 * @param nextCursorOrNull the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String nextCursorOrNull) {

  /**
   * Creates a page.
   *
   * @param items the items, copied
   * @param nextCursorOrNull the next page's cursor, or null on the last page
   */
  public Page {
    items = List.copyOf(items);
  }

  /** Returns the cursor of the next page; empty on the last page. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursorOrNull);
  }

  /** Returns whether another page follows. */
  public boolean hasNext() {
    return nextCursorOrNull != null;
  }
}
