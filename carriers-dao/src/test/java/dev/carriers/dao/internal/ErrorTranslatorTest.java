package dev.carriers.dao.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.SqlStateClass;
import dev.carriers.dao.CarriersDataAccessException;
import dev.carriers.dao.DatabaseUnavailableException;
import dev.carriers.dao.DuplicateMcNumberException;
import dev.carriers.dao.TransactionConflictException;
import dev.carriers.dao.validation.CarrierValidationException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

class ErrorTranslatorTest {

  /** A failure as jOOQ reports it: its DataAccessException around pgjdbc's exception. */
  private static DataAccessException failure(String state, String message, String constraint, String detail, String column) {
    StringBuilder fields = new StringBuilder("SERROR\0C" + state + "\0M" + message + "\0");
    if (constraint != null) {
      fields.append("n").append(constraint).append('\0');
    }
    if (detail != null) {
      fields.append("D").append(detail).append('\0');
    }
    if (column != null) {
      fields.append("c").append(column).append('\0');
    }
    PSQLException psql = new PSQLException(new ServerErrorMessage(fields.toString()));
    return new DataAccessException("SQL [insert into carriers ...]; " + psql.getMessage(), psql);
  }

  @Test
  void uniqueMcNumber_isDuplicate_namingTheNumberAndField() {
    RuntimeException e = ErrorTranslator.translate("create carriers", failure("23505",
        "duplicate key value violates unique constraint \"carriers_mc_number_key\"", "carriers_mc_number_key",
        "Key (mc_number)=(4242) already exists.", null), mc -> "[7].mcNumber");
    assertThat(e).isInstanceOf(DuplicateMcNumberException.class)
        .hasMessage("create carriers: [7].mcNumber 4242 is already taken by another carrier");
  }

  @Test
  void constraintViolations_areValidationErrors_namingTheField() {
    assertThat(ErrorTranslator.translate("op", failure("23514", "violates check", "carriers_name_not_blank", null, null)))
        .isInstanceOf(CarrierValidationException.class).hasMessage("op rejected: name must not be blank");
    assertThat(ErrorTranslator.translate("op", failure("23502", "null value", null, null, "mc_number")))
        .isInstanceOf(CarrierValidationException.class).hasMessage("op rejected: mcNumber must not be null");
  }

  @Test
  void conflicts_areRetryable() {
    RuntimeException serialization = ErrorTranslator.translate("op", failure("40001", "could not serialize", null, null, null));
    assertThat(serialization).isInstanceOfSatisfying(TransactionConflictException.class, e -> {
      assertThat(e.sqlState()).isEqualTo("40001");
      assertThat(e.isRetryable()).isTrue();
    });
    assertThat(SqlStateClass.of(serialization).isTransactionConflict()).isTrue();
    assertThat(serialization).hasMessage("op failed: serialization failure (SQLState 40001), a concurrent transaction"
        + " conflicted; the transaction was rolled back and may be retried");
    assertThat(ErrorTranslator.translate("op", failure("40P01", "deadlock detected", null, null, null)))
        .isInstanceOfSatisfying(TransactionConflictException.class, e -> assertThat(e.sqlState()).isEqualTo("40P01"))
        .hasMessage("op failed: deadlock detected (SQLState 40P01); the transaction was rolled back and may be retried");
  }

  @Test
  void connectionFailuresAndPoolTimeouts_areUnavailable() {
    assertThat(ErrorTranslator.translate("op", failure("08006", "connection failure", null, null, null)))
        .isInstanceOf(DatabaseUnavailableException.class).hasMessageStartingWith("op failed: database unavailable (SQLState 08006)");
    assertThat(ErrorTranslator.translate("op", failure("57P01", "terminating connection", null, null, null)))
        .isInstanceOf(DatabaseUnavailableException.class);
    // Whatever SqlStateClass calls CONNECTION_UNAVAILABLE: the session ended by the server, a full server.
    assertThat(ErrorTranslator.translate("op", failure("57P05", "terminating connection due to idle-session timeout",
        null, null, null))).isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith("op failed: database unavailable (SQLState 57P05)");
    assertThat(ErrorTranslator.translate("op", failure("53300", "too many clients already", null, null, null)))
        .isInstanceOf(DatabaseUnavailableException.class);
    DataAccessException timeout = new DataAccessException("Error getting connection from data source",
        new SQLTransientConnectionException("carriers - Connection is not available, request timed out after 250ms"));
    assertThat(ErrorTranslator.translate("op", timeout)).isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith("op failed: no database connection available");
  }

  @Test
  void otherFailures_keepTheSqlStateAndTheServerText_notTheStatement() {
    RuntimeException e = ErrorTranslator.translate("op", failure("57014", "canceling statement due to statement timeout", null, null, null));
    assertThat(e).isInstanceOfSatisfying(CarriersDataAccessException.class, x -> assertThat(x.sqlState()).isEqualTo("57014"))
        .hasMessage("op failed (SQLState 57014): canceling statement due to statement timeout");
    assertThat(e.getCause()).isInstanceOf(DataAccessException.class);
  }

  @Test
  void nonDatabaseFailures_passThroughUnchanged() {
    IllegalStateException mine = new IllegalStateException("business rule");
    assertThat(ErrorTranslator.translate("op", mine)).isSameAs(mine);
  }

  @Test
  void columnsBecomeApiFieldNames() {
    assertThat(ErrorTranslator.fieldOf("mc_number")).isEqualTo("mcNumber");
    assertThat(ErrorTranslator.fieldOf("name")).isEqualTo("name");
  }
}
