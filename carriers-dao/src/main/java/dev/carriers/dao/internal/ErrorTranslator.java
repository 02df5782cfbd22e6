package dev.carriers.dao.internal;

import dev.carriers.CarriersException;
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
 * <p>SQLState 23505 on {@code carriers_mc_number_key} becomes {@link DuplicateMcNumberException};
 * 23502, 23514, 23503, 22001 and 22P02 become {@link CarrierValidationException} naming the field;
 * 40001 and 40P01 {@link TransactionConflictException}; class 08, 57P01 to 57P03, 53300 and pool
 * timeouts {@link DatabaseUnavailableException}; anything else {@link CarriersDataAccessException}.
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

  /**
   * Tells whether a failure is a serialization failure or deadlock, worth running the whole
   * transaction again for.
   *
   * @param failure a translated failure
   * @return true for {@link TransactionConflictException}
   */
  public static boolean isRetryable(RuntimeException failure) {
    return failure instanceof TransactionConflictException;
  }

  private static CarriersException translateSql(String operation, SQLException sql, RuntimeException failure,
      Function<String, String> mcNumberField) {
    SQLTransientConnectionException poolTimeout = find(failure, SQLTransientConnectionException.class);
    if (poolTimeout != null) {
      return new DatabaseUnavailableException(operation + " failed: no database connection available ("
          + poolTimeout.getMessage() + ")", failure);
    }
    String state = sqlState(failure, sql);
    ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    String serverText = server != null && server.getMessage() != null ? server.getMessage() : messageOf(sql);
    String constraint = server == null ? null : server.getConstraint();
    if (state == null) {
      return new CarriersDataAccessException(operation + " failed: " + serverText, null, failure);
    }
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
        || state.equals("53300")) {
      return new DatabaseUnavailableException(operation + " failed: database unavailable (SQLState " + state
          + "): " + serverText, failure);
    }
    switch (state) {
      case "23505": {
        if ("carriers_mc_number_key".equals(constraint)
            || (constraint == null && serverText.contains("carriers_mc_number_key"))) {
          String mcNumber = duplicateValue(server, sql);
          return new DuplicateMcNumberException(operation, mcNumberField.apply(mcNumber), mcNumber, failure);
        }
        return new CarriersDataAccessException(operation + " failed: " + serverText, state, failure);
      }
      case "23502": {
        String column = server == null ? null : server.getColumn();
        return validation(operation, column == null ? "input" : fieldOf(column), "must not be null", failure);
      }
      case "23514":
      case "23503":
        return violationOf(operation, constraint, serverText, failure);
      case "22001":
        return validation(operation, "input", "is too long: " + serverText, failure);
      case "22P02":
        return validation(operation, "input", "is not a valid value: " + serverText, failure);
      case "40001":
        return new TransactionConflictException(operation + " failed: serialization failure (SQLState 40001), "
            + "a concurrent transaction conflicted; the transaction was rolled back and may be retried", state, 1,
            failure);
      case "40P01":
        return new TransactionConflictException(operation + " failed: deadlock detected (SQLState 40P01); "
            + "the transaction was rolled back and may be retried", state, 1, failure);
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

  private static String sqlState(RuntimeException failure, SQLException sql) {
    // jOOQ's DataAccessException and pgjdbc both expose it; walk the chain for the first one set.
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && e.getSQLState() != null) {
        return e.getSQLState();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return sql.getSQLState();
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
