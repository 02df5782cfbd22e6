package dev.carriers.schema.internal;

import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Tells a listener, before Flyway applies each migration, which one it is: the progress line of a
 * long {@code migrate}.
 *
 * <p>Thread-safe if the listener is.
 */
public final class ProgressCallback implements Callback {

  private final Consumer<String> listener;

  /**
   * Creates the callback.
   *
   * @param listener told one line per migration
   */
  public ProgressCallback(Consumer<String> listener) {
    this.listener = listener;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    MigrationInfo info = context.getMigrationInfo();
    if (info != null) {
      listener.accept("Applying version " + (info.getVersion() == null ? "(repeatable)" : info.getVersion())
          + ": " + info.getDescription());
    }
  }

  @Override
  public String getCallbackName() {
    return "carriers-progress";
  }
}
