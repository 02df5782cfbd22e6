package dev.carriers.dao.internal;

import dev.carriers.CarriersException;
import dev.carriers.SqlStateClass;
import dev.carriers.dao.CarriersDataAccessException;
import dev.carriers.dao.DatabaseUnavailableException;
import dev.carriers.dao.DuplicateMcNumberException;
import dev.carriers.dao.TransactionConflictException;
import dev.carriers.dao.validation.CarrierValidationException;
import dev.carriers.dao.validation.McNumbers;
import dev.carriers.dao.validation.Violation;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where a database failure becomes a typed {@link CarriersException}: every DAO
 * method and every transaction boundary calls it, so no {@link SQLException} or jOOQ
 * {@code DataAccessException} leaves the public API.
 *
 * <p>Every decision on a SQLState is {@link SqlStateClass}'s, the library's one classifier; this
 * class keeps no list of codes. A unique violation on {@code carriers_mc_number_key} becomes
 * {@link DuplicateMcNumberException}; not-null, check and foreign key violations, values too long
 * and malformed values become {@link CarrierValidationException} naming the field; serialization
 * failures and deadlocks {@link TransactionConflictException};
 * {@link SqlStateClass#CONNECTION_UNAVAILABLE} (class 08, 57P01 to 57P05, 53300) and pool timeouts
 * {@link DatabaseUnavailableException}; anything else {@link CarriersDataAccessException}.
 * Messages use the server's own error text, never the statement with its values, and never a
 * password.
 *
 * <p>Stateless and thread-safe.
 */
public final class ErrorTranslator {

  private static final Pattern DUPLICATE_KEY = Pattern.compile("Key \\(mc_number\\)=\\((.*)\\) already exists");

  private ErrorTranslator() {
  }

  /**
   * Translates a failure of an operation.
   *
   * @param operation the operation, for the message, such as {@code create carrier}
   * @param failure what was thrown
   * @return a typed exception for database failures; {@code failure} itself when it is not one (a
   *     caller's own exception in a transaction, a bug)
   */
  public static RuntimeException translate(String operation, RuntimeException failure) {
    return translate(operation, failure, mcNumber -> "mcNumber");
  }

  /**
   * Translates a JDBC failure of an operation that talks to the driver itself (the stats checks).
   *
   * @param operation the operation, for the message, such as {@code database stats}
   * @param failure what the driver threw
   * @return a typed exception
   */
  public static CarriersException translate(String operation, SQLException failure) {
    return translateSql(operation, failure, new JdbcFailure(failure), mcNumber -> "mcNumber");
  }

  /** Carries a driver's checked failure as the cause the typed exceptions keep. */
  private static final class JdbcFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JdbcFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Translates a failure of an operation on several rows.
   *
   * @param operation the operation, for the message, such as {@code create carriers}
   * @param failure what was thrown
   * @param mcNumberField names the input field that carried a duplicate MC number, such as
   *     {@code [3].mcNumber}
   * @return a typed exception for database failures; {@code failure} itself otherwise
   */
  public static RuntimeException translate(String operation, RuntimeException failure,
      Function<String, String> mcNumberField) {
    if (failure instanceof CarriersException) {
      return failure;
    }
    SQLException sql = sqlException(failure);
    if (sql == null) {
      return failure;
    }
    return translateSql(operation, sql, failure, mcNumberField);
  }

  private static CarriersException translateSql(String operation, SQLException sql, RuntimeException failure,
      Function<String, String> mcNumberField) {
    SQLTransientConnectionException poolTimeout = find(failure, SQLTransientConnectionException.class);
    if (poolTimeout != null) {
      return new DatabaseUnavailableException(operation + " failed: no database connection available ("
          + poolTimeout.getMessage() + ")", failure);
    }
    String state = SqlStateClass.sqlStateOf(failure);
    ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    String serverText = server != null && server.getMessage() != null ? server.getMessage() : messageOf(sql);
    String constraint = server == null ? null : server.getConstraint();
    if (state == null) {
      return new CarriersDataAccessException(operation + " failed: " + serverText, null, failure);
    }
    switch (SqlStateClass.fromCode(state)) {
      case CONNECTION_UNAVAILABLE:
        return new DatabaseUnavailableException(operation + " failed: database unavailable (SQLState " + state
            + "): " + serverText, failure);
      case UNIQUE_VIOLATION:
        if ("carriers_mc_number_key".equals(constraint)
            || (constraint == null && serverText.contains("carriers_mc_number_key"))) {
          String mcNumber = duplicateValue(server, sql);
          return new DuplicateMcNumberException(operation, mcNumberField.apply(mcNumber), mcNumber, failure);
        }
        return new CarriersDataAccessException(operation + " failed: " + serverText, state, failure);
      case NOT_NULL_VIOLATION: {
        String column = server == null ? null : server.getColumn();
        return validation(operation, column == null ? "input" : fieldOf(column), "must not be null", failure);
      }
      case CHECK_VIOLATION:
      case FOREIGN_KEY_VIOLATION:
        return violationOf(operation, constraint, serverText, failure);
      case STRING_DATA_RIGHT_TRUNCATION:
        return validation(operation, "input", "is too long: " + serverText, failure);
      case INVALID_TEXT_REPRESENTATION:
        return validation(operation, "input", "is not a valid value: " + serverText, failure);
      case SERIALIZATION_FAILURE:
        return new TransactionConflictException(operation + " failed: serialization failure (SQLState " + state
            + "), a concurrent transaction conflicted; the transaction was rolled back and may be retried", state, 1,
            failure);
      case DEADLOCK_DETECTED:
        return new TransactionConflictException(operation + " failed: deadlock detected (SQLState " + state
            + "); the transaction was rolled back and may be retried", state, 1, failure);
      default:
        return new CarriersDataAccessException(operation + " failed (SQLState " + state + "): " + serverText,
            state, failure);
    }
  }

  private static CarriersException violationOf(String operation, String constraint, String serverText,
      RuntimeException failure) {
    if (constraint == null) {
      return validation(operation, "input", serverText, failure);
    }
    switch (constraint) {
      case "carriers_name_not_blank":
        return validation(operation, "name", "must not be blank", failure);
      case "carriers_mc_number_canonical":
        return validation(operation, "mcNumber", McNumbers.RULE, failure);
      default:
        return validation(operation, constraint, "violates constraint " + constraint, failure);
    }
  }

  private static CarrierValidationException validation(String operation, String field, String message,
      RuntimeException failure) {
    return new CarrierValidationException(operation, List.of(new Violation(field, message, null)), failure);
  }

  private static String duplicateValue(ServerErrorMessage server, SQLException sql) {
    String detail = server != null && server.getDetail() != null ? server.getDetail() : messageOf(sql);
    Matcher matcher = DUPLICATE_KEY.matcher(detail);
    return matcher.find() ? matcher.group(1) : "(unknown)";
  }

  /** {@code mc_number} to {@code mcNumber}, as the API spells fields. */
  static String fieldOf(String column) {
    StringBuilder field = new StringBuilder(column.length());
    boolean upper = false;
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        field.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return field.toString();
  }

  private static SQLException sqlException(Throwable failure) {
    return find(failure, SQLException.class);
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String messageOf(SQLException sql) {
    String message = sql.getMessage();
    return message == null ? sql.getClass().getSimpleName() : message;
  }
}
