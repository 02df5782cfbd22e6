package dev.carriers.dao;

import java.util.function.Consumer;

/**
 * The settings idiom of the DAO's value objects ({@link CarriersConfiguration},
 * {@link TransactionOptions}, {@link CarrierQuery}, {@link CarrierUpdate}): each setting is a field
 * listed once, in its declaration with its default, and a setter checks its value at once, saying
 * why it makes no sense, and returns a changed copy, never changing the object it was called on.
 *
 * <p>Adding a setting touches one place, its field (JDBI's {@code createCopy()} idea, with the
 * copy made here once instead of by a copy constructor in each class that names every field
 * again). The copy is shallow, which is right because every field holds an immutable value (or a
 * {@code DataSource}, shared by design).
 *
 * <p>A subclass is effectively immutable, and thread-safe: {@link #with} changes only the fresh
 * copy, before any other code sees it.
 *
 * @param <S> the subclass
 */
abstract class CopyOnChange<S extends CopyOnChange<S>> implements Cloneable {

  /**
   * Returns a copy with a change applied; the setters' one way to change anything.
   *
   * @param change sets fields of the copy, whose values the setter has checked
   * @return the changed copy
   */
  final S with(Consumer<? super S> change) {
    S copy = createCopy();
    change.accept(copy);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private S createCopy() {
    try {
      return (S) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError("CopyOnChange is Cloneable", e);
    }
  }
}
