package dev.carriers.dao.stats;

import java.util.Locale;

/**
 * The checks of {@link DatabaseStats}, the ones database engineers look at first (PgHero's and
 * heroku pg-extras'): each with a unit, default thresholds and a floor below which it leaves
 * things out. Activity checks (long-running queries, idle transactions, blocking locks) look at the
 * database checked unless {@link StatsConfiguration#allDatabases(boolean)}; connections, wraparound
 * and replication are the server's by nature.
 */
public enum StatsCheck {

  /** Share of table and index block reads served from shared buffers; the lower of the two. */
  CACHE_HIT_RATIO(Unit.RATIO, true, false, false, 0.99, 0.95, 10_000,
      "blocks read (hit or not) below which a ratio is not judged"),

  /** Indexes never scanned since the statistics were reset (neither unique nor backing a constraint). */
  UNUSED_INDEXES(Unit.COUNT, false, true, false, 1, Double.POSITIVE_INFINITY, 1 << 20,
      "index size in bytes below which an unused index is left out"),

  /** Indexes whose columns are a leading part of another index's on the same table (or the same). */
  DUPLICATE_INDEXES(Unit.COUNT, false, true, false, 1, Double.POSITIVE_INFINITY, 0,
      "index size in bytes below which a duplicate is left out"),

  /** Indexes left invalid by a failed {@code CREATE INDEX CONCURRENTLY}. */
  INVALID_INDEXES(Unit.COUNT, false, true, false, 1, Double.POSITIVE_INFINITY, 0, "unused"),

  /** Estimated share of each table's size that is bloat (dead space beyond its fillfactor). */
  TABLE_BLOAT(Unit.RATIO, false, false, false, 0.5, 0.8, 10 << 20,
      "estimated wasted bytes below which a table is left out"),

  /** Estimated share of each B-tree index's size that is bloat. */
  INDEX_BLOAT(Unit.RATIO, false, false, false, 0.5, 0.8, 10 << 20,
      "estimated wasted bytes below which an index is left out"),

  /** Sequential scans of tables read more often by sequential scan than by index. */
  SEQUENTIAL_SCANS(Unit.COUNT, false, false, false, 1_000, Double.POSITIVE_INFINITY, 10_000,
      "live rows below which a table is left out (small tables are best read whole)"),

  /** Statements running for longest. */
  LONG_RUNNING_QUERIES(Unit.SECONDS, false, false, false, 60, 300, 0, "unused"),

  /** Sessions idle inside an open transaction (holding locks and the vacuum horizon). */
  IDLE_IN_TRANSACTION(Unit.SECONDS, false, false, false, 60, 300, 0, "unused"),

  /** Sessions waiting for a lock another session holds: who blocks whom, and for how long. */
  BLOCKING_LOCKS(Unit.SECONDS, false, false, false, 5, 60, 0, "unused"),

  /** Client connections against {@code max_connections} less the superuser reserve. */
  CONNECTIONS(Unit.RATIO, false, false, true, 0.8, 0.95, 0, "unused"),

  /** Age of the oldest unfrozen transaction ID (or multixact) of each database, in transactions. */
  TRANSACTION_ID_WRAPAROUND(Unit.COUNT, false, false, false, 1e9, 1.5e9, 0, "unused"),

  /** Share of each table's rows that are dead tuples autovacuum has not removed yet. */
  AUTOVACUUM(Unit.RATIO, false, false, false, 0.2, 0.5, 10_000,
      "dead tuples below which a table is left out"),

  /** How far each standby's replay is behind, in seconds (on a standby: its own). */
  REPLICATION_LAG(Unit.SECONDS, false, false, false, 30, 300, 0, "unused"),

  /**
   * WAL not yet replayed by each standby, and WAL kept by each inactive replication slot, in bytes:
   * catches a standby that stopped replaying, whose lag in seconds the primary no longer sees.
   */
  REPLICATION_LAG_BYTES(Unit.BYTES, false, false, false, 256 << 20, 4L << 30, 0, "unused"),

  /**
   * The statements that took the most time ({@code pg_stat_statements}: total, mean, calls, rows);
   * judged by the largest mean time among statements called often enough.
   */
  TOP_STATEMENTS(Unit.MILLISECONDS, false, false, true, 100, 1_000, 100,
      "calls below which a statement's mean time is not judged");

  /** The unit of a check's values and thresholds. */
  public enum Unit {
    /** A share, 0 to 1. */
    RATIO,
    /** A number of things (indexes, scans, transactions). */
    COUNT,
    /** Seconds. */
    SECONDS,
    /** Milliseconds. */
    MILLISECONDS,
    /** Bytes. */
    BYTES
  }

  private final Unit unit;
  private final boolean lowerIsWorse;
  private final boolean counting;
  private final boolean listing;
  private final Threshold defaults;
  private final String floorMeaning;

  StatsCheck(Unit unit, boolean lowerIsWorse, boolean counting, boolean listing, double warn, double critical,
      double floor, String floorMeaning) {
    this.unit = unit;
    this.lowerIsWorse = lowerIsWorse;
    this.counting = counting;
    this.listing = listing;
    this.defaults = new Threshold(warn, critical, floor);
    this.floorMeaning = floorMeaning;
  }

  /** Returns the check's name in output and on the command line, such as {@code cache_hit_ratio}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds a check by its {@link #key()}.
   *
   * @param key such as {@code unused_indexes}
   * @return the check
   * @throws IllegalArgumentException naming the known keys if there is none
   */
  public static StatsCheck ofKey(String key) {
    for (StatsCheck check : values()) {
      if (check.key().equals(key)) {
        return check;
      }
    }
    StringBuilder known = new StringBuilder();
    for (StatsCheck check : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(check.key());
    }
    throw new IllegalArgumentException("unknown check \"" + key + "\"; known: " + known);
  }

  /** Returns the unit of its values and thresholds. */
  public Unit unit() {
    return unit;
  }

  /** Returns whether smaller values are worse (the cache hit ratio). */
  public boolean lowerIsWorse() {
    return lowerIsWorse;
  }

  /** Returns whether its value is how many findings it has, rather than the worst finding's value. */
  public boolean counting() {
    return counting;
  }

  /** Returns whether it lists its top findings even when they are OK (top statements, connections). */
  public boolean listing() {
    return listing;
  }

  /** Returns its default thresholds. */
  public Threshold defaults() {
    return defaults;
  }

  /** Returns what its {@link Threshold#floor()} means, or {@code unused}. */
  public String floorMeaning() {
    return floorMeaning;
  }
}
