package dev.carriers.seed;

import java.time.Duration;

/**
 * What a seed run did. Immutable and thread-safe.
 *
 * @param environment the dataset's environment
 * @param version the dataset's version
 * @param checksum the dataset's content checksum
 * @param inserted carriers inserted
 * @param updated carriers updated to the dataset's content
 * @param unchanged carriers that already had the dataset's content
 * @param deleted carriers deleted because a new version no longer has them (never in production)
 * @param kept rows left as they were: changed or deleted by a user since seeded, held back in
 *     production when a new version drops them, or whose MC number a carrier not written by the
 *     seed already has
 * @param alreadyApplied whether this version, with this checksum, had been applied before
 * @param forced whether the run was forced into a production database
 * @param duration how long the run took, transaction included
 */
public record SeedReport(Environment environment, int version, String checksum, int inserted, int updated,
    int unchanged, int deleted, int kept, boolean alreadyApplied, boolean forced, Duration duration) {

  /** Returns the number of carrier rows the run wrote: inserted, updated and deleted. */
  public int changed() {
    return inserted + updated + deleted;
  }

  /**
   * Returns one line for people, such as
   * {@code seeded testing v1 (3f2a9c41e0b7): 52 inserted, 0 updated, 0 unchanged, 0 deleted, 0 kept in 84 ms}
   * or, on a re-run, {@code ... already applied: 0 rows changed (52 unchanged) ...}.
   */
  public String summary() {
    String head = "seeded " + environment.id() + " v" + version + " (" + checksum.substring(0, 12) + ")";
    String counts = inserted + " inserted, " + updated + " updated, " + unchanged + " unchanged, "
        + deleted + " deleted, " + kept + " kept";
    String tail = " in " + duration.toMillis() + " ms" + (forced ? " (forced)" : "");
    if (alreadyApplied && changed() == 0) {
      return head + " already applied: 0 rows changed (" + counts + ")" + tail;
    }
    return head + ": " + counts + tail;
  }
}
