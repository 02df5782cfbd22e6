package dev.carriers.dao.stats.internal;

import static dev.carriers.dao.stats.internal.StatsSession.bytes;
import static dev.carriers.dao.stats.internal.StatsSession.seconds;

import java.sql.SQLException;

/**
 * The replication checks. On a primary they read {@code pg_stat_replication} (each standby
 * streaming from it) and {@code pg_replication_slots}; on a standby its own replay position and
 * {@code pg_last_xact_replay_timestamp()}. The primary's {@code replay_lag} is the last lag a
 * standby reported: a standby that stopped replaying keeps a small one, so the lag in bytes is
 * checked too.
 *
 * <p>Stateless; thread-safe.
 */
final class ReplicationChecks {

  private static final String STANDBYS = """
      select coalesce(nullif(application_name, ''), 'pid ' || pid), coalesce(client_addr::text, 'local'), state,
             sync_state,
             case when replay_lsn = pg_current_wal_lsn() then 0
                  else coalesce(extract(epoch from replay_lag)::float8, 0) end,
             coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::float8
        from pg_stat_replication
       order by 1""";

  private static final String INACTIVE_SLOTS = """
      select slot_name, slot_type, coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::float8
        from pg_replication_slots
       where not active
       order by 3 desc, 1""";

  // Caught up with what it received: no lag, however old the last replayed transaction is.
  private static final String REPLAY = """
      select case when pg_last_wal_receive_lsn() is null or pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                  else coalesce(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())::float8, 0) end,
             coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0)::float8,
             pg_get_wal_replay_pause_state()""";

  private static final String FIX = "find why the standby falls behind (network, its disk, long queries on it with"
      + " hot_standby_feedback, a paused replay: SELECT pg_wal_replay_resume()); a stale inactive slot keeps WAL"
      + " until it is dropped: SELECT pg_drop_replication_slot('name')";

  private ReplicationChecks() {
  }

  static Measurement lag(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("standbys", session.standby ? "" : "no standby streams from this server",
        FIX);
    if (session.standby) {
      Object[] replay = replay(session);
      measurement.add("this standby", (double) replay[0], "replay " + seconds((double) replay[0]) + " behind the"
          + " primary's last transaction it received (replay " + replay[2] + ")", "seconds", replay[0],
          "replay_state", replay[2]);
      return measurement;
    }
    for (Object[] row : standbys(session)) {
      measurement.add((String) row[0], (double) row[4], "replay " + seconds((double) row[4]) + " behind (" + row[2]
          + ", " + row[3] + ", from " + row[1] + ")", "standby", row[0], "client", row[1], "state", row[2],
          "sync_state", row[3], "seconds", row[4]);
    }
    return measurement;
  }

  static Measurement lagBytes(StatsSession session) throws SQLException {
    Measurement measurement = new Measurement("standbys and inactive slots",
        session.standby ? "" : "no standby streams from this server and no replication slot is inactive", FIX);
    if (session.standby) {
      Object[] replay = replay(session);
      measurement.add("this standby", (double) replay[1], bytes((double) replay[1]) + " of WAL received and not yet"
          + " replayed (replay " + replay[2] + ")", "bytes", (long) (double) replay[1], "replay_state", replay[2]);
      return measurement;
    }
    for (Object[] row : standbys(session)) {
      measurement.add((String) row[0], (double) row[5], bytes((double) row[5]) + " of WAL not yet replayed ("
          + row[2] + ", from " + row[1] + ")", "standby", row[0], "client", row[1], "state", row[2],
          "bytes", (long) (double) row[5]);
    }
    for (Object[] row : session.rows(INACTIVE_SLOTS, rows -> new Object[] {rows.getString(1), rows.getString(2),
        rows.getDouble(3)})) {
      measurement.add("slot " + row[0], (double) row[2], "inactive " + row[1] + " slot keeping "
          + bytes((double) row[2]) + " of WAL", "slot", row[0], "slot_type", row[1], "bytes", (long) (double) row[2]);
    }
    return measurement;
  }

  private static java.util.List<Object[]> standbys(StatsSession session) throws SQLException {
    return session.rows(STANDBYS, rows -> new Object[] {rows.getString(1), rows.getString(2), rows.getString(3),
        rows.getString(4), rows.getDouble(5), rows.getDouble(6)});
  }

  private static Object[] replay(StatsSession session) throws SQLException {
    return session.rows(REPLAY, rows -> new Object[] {rows.getDouble(1), rows.getDouble(2), rows.getString(3)}).get(0);
  }
}
