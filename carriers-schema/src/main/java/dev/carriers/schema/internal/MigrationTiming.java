package dev.carriers.schema.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Times each migration Flyway applies and remembers, per calling thread, which ones succeeded and
 * which one failed, so that {@code migrate} can tell the listeners once the transaction is over
 * (committed or rolled back) rather than from inside it. Before each migration it also tells the
 * progress listener which one it is: the progress line of a long {@code migrate}.
 *
 * <p>Thread-safe if the progress listener is: the state of a run lives in a thread-local, since
 * Flyway calls back on the thread that called {@code migrate}.
 */
public final class MigrationTiming implements Callback {

  /**
   * A migration Flyway ran.
   *
   * @param version its version, or null for a repeatable migration
   * @param description its description
   * @param script its script's file name
   * @param duration how long it ran
   */
  public record Timed(String version, String description, String script, Duration duration) {
  }

  /** What one {@code migrate} call saw: the migrations that succeeded, the one that failed. */
  public static final class Run {
    private final List<Timed> succeeded = new ArrayList<>();
    private Timed failed;
    private long startedAt;

    /** Returns the migrations applied, in order. */
    public List<Timed> succeeded() {
      return List.copyOf(succeeded);
    }

    /** Returns the migration that failed, or null if the failure came before or after any migration. */
    public Timed failed() {
      return failed;
    }
  }

  private final ThreadLocal<Run> current = new ThreadLocal<>();
  private final Consumer<String> progress;

  /**
   * Creates the callback.
   *
   * @param progress told one line before each migration, such as
   *     {@code Applying version 2: add carrier status enum}; null for none
   */
  public MigrationTiming(Consumer<String> progress) {
    this.progress = progress;
  }

  /**
   * Starts recording a run on this thread.
   *
   * @return the run, filled in as Flyway calls back
   */
  public Run start() {
    Run run = new Run();
    current.set(run);
    return run;
  }

  /** Stops recording on this thread. */
  public void stop() {
    current.remove();
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
        || event == Event.AFTER_EACH_MIGRATE_ERROR;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    Run run = current.get();
    MigrationInfo info = context.getMigrationInfo();
    if (info == null) {
      return;
    }
    if (event == Event.BEFORE_EACH_MIGRATE && progress != null) {
      progress.accept("Applying version " + (info.getVersion() == null ? "(repeatable)" : info.getVersion())
          + ": " + info.getDescription());
    }
    if (run == null) {
      return;
    }
    if (event == Event.BEFORE_EACH_MIGRATE) {
      run.startedAt = System.nanoTime();
      return;
    }
    Timed timed = new Timed(info.getVersion() == null ? null : info.getVersion().getVersion(),
        info.getDescription(), info.getScript(), Duration.ofNanos(System.nanoTime() - run.startedAt));
    if (event == Event.AFTER_EACH_MIGRATE) {
      run.succeeded.add(timed);
    } else {
      run.failed = timed;
    }
  }

  @Override
  public String getCallbackName() {
    return "carriers-timing";
  }
}
