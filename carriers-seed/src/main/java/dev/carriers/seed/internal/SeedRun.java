package dev.carriers.seed.internal;

import dev.carriers.SqlStateClass;
import dev.carriers.seed.Dataset;
import dev.carriers.seed.Environment;
import dev.carriers.seed.ProductionDatabaseException;
import dev.carriers.seed.SeedDriftException;
import dev.carriers.seed.SeedException;
import dev.carriers.seed.SeedFailedException;
import dev.carriers.seed.SeedReport;
import dev.carriers.seed.SeedRow;
import dev.carriers.seed.SeedVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seed run: checks, the difference, the writes and the history row, in one transaction on one
 * connection. Not thread-safe; one per run.
 */
public final class SeedRun {

  private static final Logger LOG = LoggerFactory.getLogger(SeedRun.class);

  /** Advisory lock key serialising seed runs on a database ("carrseed" in ASCII). */
  private static final long LOCK_KEY = 0x6361727273656564L;

  private static final String CURRENT_HASH = String.format(Checksums.CONTENT_HASH_SQL, "c");

  private enum Action { INSERT, UPDATE, UNCHANGED, DELETE, KEEP, RETAIN, FORGET }

  private final DataSource dataSource;
  private final Dataset dataset;
  private final boolean force;
  private final String appliedBy;
  private final Environment environment;

  /**
   * Prepares a run.
   *
   * @param dataSource the database
   * @param dataset the dataset
   * @param force whether to load into a production database anyway
   * @param appliedBy who the history names
   */
  public SeedRun(DataSource dataSource, Dataset dataset, boolean force, String appliedBy) {
    this.dataSource = dataSource;
    this.dataset = dataset;
    this.force = force;
    this.appliedBy = appliedBy;
    this.environment = dataset.environment();
  }

  /**
   * Runs the seed.
   *
   * @return the report
   * @throws SeedException as {@link dev.carriers.seed.CarriersSeeder#seed()} documents
   */
  public SeedReport execute() {
    long start = System.nanoTime();
    String operation = "seed " + environment.id() + " v" + dataset.version();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        SeedReport report = run(connection, start);
        connection.commit();
        report = withDuration(report, start);
        LOG.info("{}", report.summary());
        return report;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      } finally {
        restoreAutoCommit(connection);
      }
    } catch (SQLException e) {
      throw translate(operation, e);
    }
  }

  private SeedReport run(Connection connection, long start) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
    }
    boolean production = queryBoolean(connection, "select production from database_role");
    if (production && environment != Environment.PRODUCTION && !force) {
      throw new ProductionDatabaseException(environment);
    }
    boolean alreadyApplied = checkHistory(connection);

    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (Action action : Action.values()) {
      counts.put(action, 0);
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    String sequence = queryString(connection, "select pg_get_serial_sequence('carriers', 'id')");
    if (emptyTarget(connection)) {
      counts.put(Action.INSERT, loadIntoEmpty(connection, copy, sequence));
    } else {
      // Production data is never deleted: neither by the production dataset nor by any dataset
      // forced into a database marked as production.
      applyDifference(connection, copy, sequence, production || environment == Environment.PRODUCTION, counts);
    }

    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    int kept = counts.get(Action.KEEP) + counts.get(Action.RETAIN);
    try (PreparedStatement history = connection.prepareStatement("insert into seed_history"
        + " (environment, version, checksum, applied_by, forced, rows_inserted, rows_updated, rows_unchanged,"
        + " rows_deleted, rows_kept, duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      history.setString(1, environment.id());
      history.setInt(2, dataset.version());
      history.setString(3, dataset.checksum());
      history.setString(4, appliedBy);
      history.setBoolean(5, production && force && environment != Environment.PRODUCTION);
      history.setInt(6, counts.get(Action.INSERT));
      history.setInt(7, counts.get(Action.UPDATE));
      history.setInt(8, counts.get(Action.UNCHANGED));
      history.setInt(9, counts.get(Action.DELETE));
      history.setInt(10, kept);
      history.setLong(11, millis);
      history.executeUpdate();
    }
    return new SeedReport(environment, dataset.version(), dataset.checksum(), counts.get(Action.INSERT),
        counts.get(Action.UPDATE), counts.get(Action.UNCHANGED), counts.get(Action.DELETE), kept, alreadyApplied,
        production && force && environment != Environment.PRODUCTION, Duration.ZERO);
  }

  /** Refuses drift and downgrades; returns whether this version and checksum were applied before. */
  private boolean checkHistory(Connection connection) throws SQLException {
    boolean applied = false;
    int newest = 0;
    try (PreparedStatement statement = connection.prepareStatement(
        "select version, checksum from seed_history where environment = ? order by id")) {
      statement.setString(1, environment.id());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          int version = rows.getInt(1);
          String checksum = rows.getString(2);
          newest = Math.max(newest, version);
          if (version == dataset.version()) {
            if (!checksum.equals(dataset.checksum())) {
              throw new SeedDriftException(environment, version, checksum, dataset.checksum());
            }
            applied = true;
          }
        }
      }
    }
    if (newest > dataset.version()) {
      throw new SeedVersionException(environment, dataset.version(), newest);
    }
    return applied;
  }

  /**
   * Whether the fast path applies: no carriers at all and nothing tracked for this environment.
   * Takes a lock that keeps other writers out of {@code carriers} until commit, so the table stays
   * empty between the check and the COPY; readers are not blocked.
   */
  private boolean emptyTarget(Connection connection) throws SQLException {
    if (queryBoolean(connection, "select exists (select 1 from carriers)")) {
      return false;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("lock table carriers in share row exclusive mode");
    }
    try (PreparedStatement tracked = connection.prepareStatement(
        "select not exists (select 1 from carriers)"
            + " and not exists (select 1 from seeded_carriers where environment = ?)"
            + " and not exists (select 1 from seed_batches where environment = ?)")) {
      tracked.setString(1, environment.id());
      tracked.setString(2, environment.id());
      try (ResultSet rows = tracked.executeQuery()) {
        rows.next();
        return rows.getBoolean(1);
      }
    }
  }

  /** COPY straight into carriers (ids reserved from its sequence), keys recorded as one batch. */
  private int loadIntoEmpty(Connection connection, CopyManager copy, String sequence) throws SQLException {
    int n = dataset.size();
    if (n == 0) {
      return 0;
    }
    long first;
    try (PreparedStatement reserve = connection.prepareStatement(
        "select setval(?::regclass, nextval(?::regclass) + ? - 1) - ? + 1")) {
      reserve.setString(1, sequence);
      reserve.setString(2, sequence);
      reserve.setLong(3, n);
      reserve.setLong(4, n);
      try (ResultSet rows = reserve.executeQuery()) {
        rows.next();
        first = rows.getLong(1);
      }
    }
    try (CopyStream carriers = new CopyStream(copy,
        "copy carriers (id, name, mc_number, status) from stdin (format csv)")) {
      long id = first;
      for (SeedRow row : dataset.rows()) {
        carriers.number(id++).text(row.name());
        if (row.mcNumber() == null) {
          carriers.nullField();
        } else {
          carriers.plain(row.mcNumber());
        }
        carriers.plain(row.status().getLiteral()).endRow();
      }
      carriers.finish();
    }
    // The key of carrier first + i is line i of the batch: one row instead of n (see V9).
    StringBuilder keys = new StringBuilder(n * 12);
    for (SeedRow row : dataset.rows()) {
      keys.append(row.key()).append('\n');
    }
    keys.setLength(keys.length() - 1);
    try (PreparedStatement batch = connection.prepareStatement("insert into seed_batches"
        + " (environment, version, first_id, row_count, keys) values (?, ?, ?, ?, ?)")) {
      batch.setString(1, environment.id());
      batch.setInt(2, dataset.version());
      batch.setLong(3, first);
      batch.setInt(4, n);
      batch.setString(5, keys.toString());
      batch.executeUpdate();
    }
    return n;
  }

  private void applyDifference(Connection connection, CopyManager copy, String sequence, boolean neverDelete,
      Map<Action, Integer> counts) throws SQLException {
    expandBatches(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute("create temporary table seed_stage (seed_key text collate \"C\" not null,"
          + " name text not null, mc_number text, status carrier_status not null, content_hash uuid not null)"
          + " on commit drop");
    }
    try (CopyStream stage = new CopyStream(copy,
        "copy seed_stage (seed_key, name, mc_number, status, content_hash) from stdin (format csv)")) {
      for (SeedRow row : dataset.rows()) {
        stage.plain(row.key()).text(row.name());
        if (row.mcNumber() == null) {
          stage.nullField();
        } else {
          stage.plain(row.mcNumber());
        }
        stage.plain(row.status().getLiteral()).plain(Checksums.contentHash(row).toString()).endRow();
      }
      stage.finish();
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("analyze seed_stage");
    }
    // One plan, computed before any write, so every decision sees the database as the run found it.
    try (PreparedStatement plan = connection.prepareStatement("create temporary table seed_plan on commit drop as"
        + " select coalesce(s.seed_key, t.seed_key) as seed_key, s.name, s.mc_number, s.status,"
        + " s.content_hash as new_hash, t.carrier_id, case"
        + "   when t.seed_key is null then 'INSERT'"
        + "   when s.seed_key is null then case"
        + "     when c.id is null then 'FORGET'"
        + "     when ? then 'RETAIN'"
        + "     when " + CURRENT_HASH + " = t.content_hash then 'DELETE'"
        + "     else 'KEEP' end"
        + "   when c.id is null then 'KEEP'"
        + "   when " + CURRENT_HASH + " = s.content_hash then 'UNCHANGED'"
        + "   when " + CURRENT_HASH + " = t.content_hash then 'UPDATE'"
        + "   else 'KEEP' end as action,"
        + " t.content_hash is distinct from s.content_hash or t.version is distinct from ? as retrack"
        + " from seed_stage s"
        + " full join (select * from seeded_carriers where environment = ?) t on t.seed_key = s.seed_key"
        + " left join carriers c on c.id = t.carrier_id")) {
      plan.setBoolean(1, neverDelete);
      plan.setInt(2, dataset.version());
      plan.setString(3, environment.id());
      plan.execute();
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select action, count(*) from seed_plan group by action")) {
      while (rows.next()) {
        counts.put(Action.valueOf(rows.getString(1)), rows.getInt(2));
      }
    }
    // Deletes, then updates, then inserts: an MC number a new version moves from one row to another
    // is free by the time the second row takes it.
    update(connection, "delete from carriers c using seed_plan p where p.action = 'DELETE' and c.id = p.carrier_id");
    update(connection, "delete from seeded_carriers t using seed_plan p where t.environment = ?"
        + " and t.seed_key = p.seed_key and p.action in ('DELETE', 'FORGET')", environment.id());
    update(connection, "update carriers c set name = p.name, mc_number = p.mc_number, status = p.status"
        + " from seed_plan p where p.action = 'UPDATE' and c.id = p.carrier_id");
    update(connection, "update seeded_carriers t set content_hash = p.new_hash, version = ?"
        + " from seed_plan p where t.environment = ? and t.seed_key = p.seed_key"
        + " and p.action in ('UPDATE', 'UNCHANGED') and p.retrack", dataset.version(), environment.id());
    int planned = counts.get(Action.INSERT);
    int inserted = update(connection, "with todo as materialized ("
        + "   select nextval(?::regclass) as id, p.* from seed_plan p where p.action = 'INSERT'"
        + "   and (p.mc_number is null or not exists (select 1 from carriers c where c.mc_number = p.mc_number))"
        + " ), written as ("
        + "   insert into carriers (id, name, mc_number, status) select id, name, mc_number, status from todo"
        + " )"
        + " insert into seeded_carriers (environment, seed_key, carrier_id, content_hash, version)"
        + " select ?, seed_key, id, new_hash, ? from todo", sequence, environment.id(), dataset.version());
    counts.put(Action.INSERT, inserted);
    // A new row whose MC number a carrier the seed did not write already holds: that row stays.
    counts.merge(Action.KEEP, planned - inserted, Integer::sum);
  }

  /**
   * Turns this environment's bulk-load batches into seeded_carriers rows. A carrier whose created_at
   * and updated_at still equal the batch's applied_at is as the load wrote it (its current hash is
   * the seeded one); any other was changed by a user since, and gets a hash no content has.
   */
  private void expandBatches(Connection connection) throws SQLException {
    update(connection, "insert into seeded_carriers (environment, seed_key, carrier_id, content_hash, version)"
        + " select b.environment, k.seed_key, b.first_id + k.ordinality - 1,"
        + "   case when c.created_at = b.applied_at and c.updated_at = b.applied_at then " + CURRENT_HASH
        + "   else '00000000-0000-0000-0000-000000000000'::uuid end, b.version"
        + " from seed_batches b"
        + " cross join lateral unnest(string_to_array(b.keys, E'\\n')) with ordinality as k(seed_key, ordinality)"
        + " left join carriers c on c.id = b.first_id + k.ordinality - 1"
        + " where b.environment = ?", environment.id());
    update(connection, "delete from seed_batches where environment = ?", environment.id());
  }

  private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() && rows.getBoolean(1);
    }
  }

  private static String queryString(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // A lost connection cannot roll back; the server discards the transaction when it goes.
      failure.addSuppressed(e);
    }
  }

  // A pool hands the connection to its next user as it was configured; give it back in autocommit.
  private static void restoreAutoCommit(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // The connection is broken; the pool will discard it.
    }
  }

  private static SeedReport withDuration(SeedReport report, long start) {
    return new SeedReport(report.environment(), report.version(), report.checksum(), report.inserted(),
        report.updated(), report.unchanged(), report.deleted(), report.kept(), report.alreadyApplied(),
        report.forced(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Turns a database failure into the seed's exception: the one place this module looks at a
   * failure's SQLState, as {@link SqlStateClass} classifies it.
   *
   * @param operation the operation, for the message
   * @param e the failure
   * @return the exception to throw
   */
  public static SeedFailedException translate(String operation, SQLException e) {
    String state = e.getSQLState();
    SqlStateClass failure = SqlStateClass.fromCode(state);
    String what = switch (failure) {
      case CONNECTION_UNAVAILABLE -> "lost its connection";
      case UNIQUE_VIOLATION -> "hit a unique constraint";
      case UNDEFINED_TABLE -> "found no seed tables (migrate the database first)";
      default -> failure.isIntegrityViolation() ? "hit a constraint" : "failed";
    };
    // The server's primary message and the constraint only: its detail can hold a whole row.
    String message = e.getMessage();
    String constraint = null;
    if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      message = psql.getServerErrorMessage().getMessage();
      constraint = psql.getServerErrorMessage().getConstraint();
    }
    return new SeedFailedException(operation + " " + what + (constraint == null ? "" : " " + constraint)
        + " (SQLState " + state + "); nothing was written: " + message, state, e);
  }
}
