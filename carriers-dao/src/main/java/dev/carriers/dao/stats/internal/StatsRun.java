package dev.carriers.dao.stats.internal;

import dev.carriers.SqlStateClass;
import dev.carriers.dao.internal.ErrorTranslator;
import dev.carriers.dao.stats.CheckResult;
import dev.carriers.dao.stats.CheckStatus;
import dev.carriers.dao.stats.Finding;
import dev.carriers.dao.stats.StatsCheck;
import dev.carriers.dao.stats.StatsConfiguration;
import dev.carriers.dao.stats.StatsReport;
import dev.carriers.dao.stats.Threshold;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One run of {@code DatabaseStats}: takes one connection, measures each configured check on it,
 * and judges each measurement against the check's thresholds. What a check measures is its class's
 * ({@link IndexChecks}, {@link TableChecks}, {@link ActivityChecks}, {@link ReplicationChecks},
 * {@link StatementChecks}); how any measurement becomes a status, a summary and findings is here
 * and nowhere else.
 *
 * <p>Stateless; thread-safe.
 */
public final class StatsRun {

  private static final String OPERATION = "database stats";

  private StatsRun() {
  }

  /**
   * Runs the checks a configuration names.
   *
   * @param configuration the configuration, with its data source
   * @return the report
   * @throws RuntimeException the DAO's typed exception when the database cannot be used at all
   */
  public static StatsReport run(StatsConfiguration configuration) {
    try (Connection connection = configuration.dataSource().getConnection()) {
      StatsSession session = new StatsSession(connection, configuration);
      List<CheckResult> results = new ArrayList<>();
      for (StatsCheck check : configuration.checks()) {
        results.add(check(session, check));
      }
      return new StatsReport(session.database, session.serverVersion, session.standby, Instant.now(), results);
    } catch (SQLException e) {
      throw ErrorTranslator.translate(OPERATION, e);
    }
  }

  private static CheckResult check(StatsSession session, StatsCheck check) throws SQLException {
    Threshold threshold = session.configuration.threshold(check);
    try {
      return judge(check, threshold, measure(session, check), session.configuration.maxFindings());
    } catch (SQLException e) {
      SqlStateClass state = SqlStateClass.of(e);
      if (state == SqlStateClass.CONNECTION_UNAVAILABLE) {
        throw e;
      }
      return new CheckResult(check, CheckStatus.ERROR, null, threshold, "could not run: " + firstLine(e),
          fixFor(session, state), List.of());
    }
  }

  private static Measurement measure(StatsSession session, StatsCheck check) throws SQLException {
    switch (check) {
      case CACHE_HIT_RATIO:
        return TableChecks.cacheHitRatio(session);
      case UNUSED_INDEXES:
        return IndexChecks.unused(session);
      case DUPLICATE_INDEXES:
        return IndexChecks.duplicate(session);
      case INVALID_INDEXES:
        return IndexChecks.invalid(session);
      case TABLE_BLOAT:
        return TableChecks.tableBloat(session);
      case INDEX_BLOAT:
        return TableChecks.indexBloat(session);
      case SEQUENTIAL_SCANS:
        return TableChecks.sequentialScans(session);
      case LONG_RUNNING_QUERIES:
        return ActivityChecks.longRunningQueries(session);
      case IDLE_IN_TRANSACTION:
        return ActivityChecks.idleInTransaction(session);
      case BLOCKING_LOCKS:
        return ActivityChecks.blockingLocks(session);
      case CONNECTIONS:
        return ActivityChecks.connections(session);
      case TRANSACTION_ID_WRAPAROUND:
        return TableChecks.wraparound(session);
      case AUTOVACUUM:
        return TableChecks.autovacuum(session);
      case REPLICATION_LAG:
        return ReplicationChecks.lag(session);
      case REPLICATION_LAG_BYTES:
        return ReplicationChecks.lagBytes(session);
      case TOP_STATEMENTS:
        return StatementChecks.top(session);
      default:
        throw new IllegalStateException("no measurement for " + check);
    }
  }

  /**
   * Judges a measurement: each subject against the thresholds; the check's value is the worst
   * subject's (or, for a counting check, how many there are), its status that value's.
   */
  static CheckResult judge(StatsCheck check, Threshold threshold, Measurement measurement, int maxFindings) {
    if (measurement.unavailable != null) {
      return new CheckResult(check, CheckStatus.UNAVAILABLE, null, threshold, measurement.unavailable,
          measurement.fix, List.of());
    }
    Comparator<Measurement.Subject> worstFirst = Comparator.comparingDouble(Measurement.Subject::value);
    if (!check.lowerIsWorse()) {
      worstFirst = worstFirst.reversed();
    }
    List<Measurement.Subject> subjects = new ArrayList<>(measurement.subjects);
    if (!check.listing()) {
      subjects.sort(worstFirst);
    }
    Double value;
    CheckStatus status;
    if (check.counting()) {
      value = (double) subjects.size();
      status = threshold.classify(subjects.size(), false);
    } else if (subjects.isEmpty()) {
      value = null;
      status = CheckStatus.OK;
    } else {
      value = subjects.stream().sorted(worstFirst).findFirst().orElseThrow().value();
      status = threshold.classify(value, check.lowerIsWorse());
    }
    List<Finding> findings = new ArrayList<>();
    for (Measurement.Subject subject : subjects) {
      CheckStatus own = check.counting() ? status : threshold.classify(subject.value(), check.lowerIsWorse());
      if ((check.listing() || own != CheckStatus.OK) && findings.size() < maxFindings) {
        findings.add(new Finding(subject.name(), own, subject.value(), subject.detail(), subject.attributes()));
      }
    }
    return new CheckResult(check, status, value, threshold, summary(measurement, subjects, worstFirst), measurement.fix,
        findings);
  }

  private static String summary(Measurement measurement, List<Measurement.Subject> subjects,
      Comparator<Measurement.Subject> worstFirst) {
    String summary;
    if (subjects.isEmpty()) {
      summary = measurement.none;
    } else {
      Measurement.Subject worst = subjects.stream().sorted(worstFirst).findFirst().orElseThrow();
      summary = subjects.size() + " " + measurement.noun + "; worst: " + worst.name() + ": " + worst.detail();
    }
    return measurement.note == null ? summary : summary + " (" + measurement.note + ")";
  }

  private static String fixFor(StatsSession session, SqlStateClass state) {
    switch (state) {
      case INSUFFICIENT_PRIVILEGE:
        return "GRANT pg_monitor TO " + session.user + "; (or run as a superuser)";
      case QUERY_CANCELED:
        return "it ran past its statement timeout (" + session.configuration.statementTimeout().toMillis()
            + " ms): run it when the server is less busy, or give it longer (--statement-timeout)";
      case LOCK_NOT_AVAILABLE:
        return "it waited " + session.configuration.lockTimeout().toMillis() + " ms for a lock that DDL in progress"
            + " holds: run it again when the DDL is done";
      default:
        return "see the error; run the check again with --verbose for its cause";
    }
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
