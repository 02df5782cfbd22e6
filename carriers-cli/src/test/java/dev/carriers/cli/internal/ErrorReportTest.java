package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.cli.ExitCode;
import dev.carriers.schema.MigrationException;
import dev.carriers.schema.MigrationValidationException;
import dev.carriers.schema.lifecycle.CleanRefusedException;
import dev.carriers.schema.lifecycle.MigrationLockTimeoutException;
import dev.carriers.schema.lifecycle.RollbackFailedException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

  @Test
  void connectionLossDuringMigration_isUnreachable() {
    MigrationException flyway = new MigrationException("migrate failed: Unable to obtain connection\nmore",
        new SQLException("Connection to 127.0.0.1:1 refused.", "08001"));
    ErrorReport report = ErrorReport.of(flyway);
    assertThat(report.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(report.line()).isEqualTo("migrate failed: Unable to obtain connection: Connection to 127.0.0.1:1 refused.");
  }

  @Test
  void failedScript_isMigrationFailedWithSqlReason() {
    MigrationException flyway = new MigrationException(
        "migrate failed: Migration V1__create_carriers.sql failed\n------\nSQL State : 42P07",
        new SQLException("ERROR: relation \"carriers\" already exists\n  Position: 3", "42P07"));
    ErrorReport report = ErrorReport.of(flyway);
    assertThat(report.exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
    assertThat(report.line()).isEqualTo(
        "migrate failed: Migration V1__create_carriers.sql failed: ERROR: relation \"carriers\" already exists");
  }

  @Test
  void failedReverseScript_isMigrationFailed_unlessTheServerWentAway() {
    SQLException syntax = new SQLException("ERROR: syntax error", "42601");
    assertThat(ErrorReport.of(new RollbackFailedException("5", List.of(), "rollback of version 5 failed", syntax)))
        .isEqualTo(new ErrorReport(ExitCode.MIGRATION_FAILED, "rollback of version 5 failed: ERROR: syntax error"));
    SQLException lost = new SQLException("An I/O error occurred", "08006");
    assertThat(ErrorReport.of(new RollbackFailedException("5", List.of(), "rollback of version 5 failed", lost))
        .exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
  }

  @Test
  void commandFailure_keepsItsCodeAndMessage() {
    ErrorReport report = ErrorReport.of(new CommandFailure(ExitCode.DATABASE_MISSING, "database \"x\" does not exist",
        new SQLException("FATAL: database \"x\" does not exist", "3D000")));
    assertThat(report).isEqualTo(new ErrorReport(ExitCode.DATABASE_MISSING, "database \"x\" does not exist"));
  }

  @Test
  void sqlStates_mapToEnvironmentCodes() {
    assertThat(ErrorReport.of(new RuntimeException("x", new SQLException("m", "28P01"))).exitCode())
        .isEqualTo(ExitCode.AUTHENTICATION_FAILED);
    assertThat(ErrorReport.of(new RuntimeException("x", new SQLException("m", "57P01"))).exitCode())
        .isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(ErrorReport.of(new RuntimeException("x", new SQLException("m", "3D000"))).exitCode())
        .isEqualTo(ExitCode.DATABASE_MISSING);
  }

  @Test
  void validation_isValidationFailed() {
    ErrorReport report = ErrorReport.of(new MigrationValidationException(List.of("version 5: missing"), null));
    assertThat(report.exitCode()).isEqualTo(ExitCode.VALIDATION_FAILED);
    assertThat(report.line()).contains("version 5: missing").doesNotContain("\n");
  }

  @Test
  void refusalsAndLockTimeouts_printTheLibrarysLineAlone() {
    SQLException lockTimeout = new SQLException("ERROR: canceling statement due to lock timeout", "55P03");
    ErrorReport timedOut = ErrorReport.of(new MigrationLockTimeoutException(
        "migrate failed: migration 2 could not get a lock\nmore", "2", 1, lockTimeout));
    assertThat(timedOut).isEqualTo(new ErrorReport(ExitCode.LOCK_TIMEOUT,
        "migrate failed: migration 2 could not get a lock"));
    assertThat(ErrorReport.of(new CleanRefusedException("clean is disabled"))).isEqualTo(
        new ErrorReport(ExitCode.RESET_REFUSED, "clean is disabled"));
  }

  @Test
  void anythingElse_isUnexpected() {
    ErrorReport report = ErrorReport.of(new IllegalStateException("boom\nsecond line"));
    assertThat(report.exitCode()).isEqualTo(ExitCode.UNEXPECTED);
    assertThat(report.line()).isEqualTo("unexpected error: java.lang.IllegalStateException: boom");
  }

  @Test
  void firstLine_skipsBlankLines() {
    assertThat(ErrorReport.firstLine("\n  \n  first \nsecond")).isEqualTo("first");
    assertThat(ErrorReport.firstLine(null)).isEmpty();
  }
}
