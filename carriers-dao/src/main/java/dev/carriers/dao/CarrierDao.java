package dev.carriers.dao;

import static dev.carriers.schema.jooq.Tables.CARRIERS;

import dev.carriers.dao.internal.CarrierRows;
import dev.carriers.dao.internal.CarrierStatements;
import dev.carriers.dao.internal.Cursor;
import dev.carriers.dao.internal.ErrorTranslator;
import dev.carriers.dao.internal.Instruments;
import dev.carriers.dao.internal.Operation;
import dev.carriers.dao.internal.StatementBinder;
import dev.carriers.dao.validation.CarrierValidationException;
import dev.carriers.dao.validation.CarrierValidator;
import dev.carriers.dao.validation.McNumbers;
import dev.carriers.dao.validation.Violation;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Create, read, update, delete and list carriers, on the generated jOOQ record
 * {@link CarrierRecord}.
 *
 * <pre>{@code
 * CarrierDao dao = carriers.carriers();
 * CarrierRecord acme = dao.create(NewCarrier.of("Acme Freight", "MC-012345"));
 * CarrierRecord renamed = dao.update(acme, CarrierUpdate.create().name("Acme Freight LLC"));
 * Optional<CarrierRecord> same = dao.findByMcNumber("mc 12345");
 * }</pre>
 *
 * <p><b>Results are the generated {@link CarrierRecord}</b>, not a domain type of ours, because
 * users asked for the generated classes in application code: one type from the schema to the
 * service, with every column: a column added by a migration appears in the record and is read by
 * the DAO's row mapping (by position from the generated table's fields, without reflection) with
 * no hand-written mapping to drift. The price is jOOQ's record bookkeeping, about a quarter of a
 * microsecond a row, which shows only on large pages. Records are returned
 * <em>detached</em> (not attached to a connection): a snapshot of the row when read. Changing one
 * changes nothing in the database and {@code store()} on it fails; write through {@link #update},
 * which validates and checks the version. A record is mutable and not thread-safe; share it
 * read-only or {@code copy()} it.
 *
 * <p>The statements of the frequent calls (find, create, update, list) are rendered by jOOQ from
 * the generated table once per shape, not on every call, and run as plain prepared statements on
 * the context's connection: the DAO costs within a few percent of hand-written JDBC (see
 * {@code docs/performance.md}).
 *
 * <p>Every input is validated before any SQL runs, and every database failure comes out as a typed
 * {@link dev.carriers.CarriersException}: {@link CarrierValidationException},
 * {@link DuplicateMcNumberException}, {@link CarrierNotFoundException},
 * {@link StaleCarrierException}, {@link TransactionConflictException},
 * {@link DatabaseUnavailableException} or {@link CarriersDataAccessException}. A failed call writes
 * nothing.
 *
 * <p>Every statement is timed: one that runs past the slow-statement threshold is logged (see
 * {@link CarriersConfiguration#slowStatementThreshold}); with a meter registry each call is also
 * recorded as the timer {@code carriers.dao} by operation and outcome
 * ({@link dev.carriers.dao.monitoring.DaoMetrics}).
 *
 * <p>Thread-safe. A DAO from {@link Carriers#carriers()} runs each call on a pooled connection in
 * its own transaction (autocommit); one from {@link CarriersTransaction#carriers()} runs in that
 * transaction.
 */
public final class CarrierDao {

  /** Rows per INSERT in {@link #createAll}: 3 parameters a row stays far below PostgreSQL's 32767. */
  static final int INSERT_CHUNK = 1000;

  private static final CarrierStatements STATEMENTS = new CarrierStatements(Carriers.settings());
  private static final CarrierRows ROWS = new CarrierRows();

  private final DSLContext dsl;
  private final Instruments instruments;
  private final CarrierValidator validator = CarrierValidator.instance();

  CarrierDao(DSLContext dsl, Instruments instruments) {
    this.dsl = dsl;
    this.instruments = instruments;
  }

  /**
   * Creates a carrier.
   *
   * @param carrier the carrier; see {@link NewCarrier#of} to normalise user input
   * @return the stored carrier, with its id, status, version and timestamps
   * @throws CarrierValidationException listing every broken rule, before any SQL
   * @throws DuplicateMcNumberException if another carrier has the MC number
   */
  public CarrierRecord create(NewCarrier carrier) {
    return observe(Operation.CREATE, () -> {
      validator.validate(Operation.CREATE.description(), carrier);
      CarrierStatements.Insert insert = STATEMENTS.insert(carrier);
      return query(Operation.CREATE, insert.sql(), statement -> insert.bind(statement, carrier), CarrierDao::single,
          ONE_ROW);
    });
  }

  /**
   * Creates several carriers, all or none. Every row is validated first (violations name the row,
   * such as {@code [3].name}), including MC numbers repeated within the list; then the rows are
   * inserted in one transaction (a savepoint when already in one).
   *
   * @param carriers the carriers
   * @return the stored carriers, in input order
   * @throws CarrierValidationException listing every broken rule of every row, before any SQL
   * @throws DuplicateMcNumberException naming the row whose MC number another carrier has; nothing
   *     was written
   */
  public List<CarrierRecord> createAll(List<NewCarrier> carriers) {
    return observe(Operation.CREATE_ALL, () -> insertAll(carriers));
  }

  private List<CarrierRecord> insertAll(List<NewCarrier> carriers) {
    String operation = Operation.CREATE_ALL.description();
    if (carriers == null) {
      throw new CarrierValidationException(operation, List.of(new Violation("carriers", "must not be null", null)));
    }
    List<Violation> violations = new ArrayList<>();
    Map<String, Integer> firstRowOfMcNumber = new HashMap<>();
    for (int i = 0; i < carriers.size(); i++) {
      NewCarrier carrier = carriers.get(i);
      violations.addAll(validator.violations(carrier, "[" + i + "]."));
      if (carrier != null && carrier.mcNumber() != null) {
        Integer first = firstRowOfMcNumber.putIfAbsent(carrier.mcNumber(), i);
        if (first != null) {
          violations.add(new Violation("[" + i + "].mcNumber", "repeats the MC number of [" + first + "].mcNumber",
              carrier.mcNumber()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new CarrierValidationException(operation, violations);
    }
    if (carriers.isEmpty()) {
      return List.of();
    }
    try {
      return dsl.transactionResult(configuration -> {
        DSLContext tx = configuration.dsl();
        List<CarrierRecord> created = new ArrayList<>(carriers.size());
        for (int from = 0; from < carriers.size(); from += INSERT_CHUNK) {
          List<NewCarrier> chunk = carriers.subList(from, Math.min(carriers.size(), from + INSERT_CHUNK));
          InsertValuesStep3<CarrierRecord, String, String, CarrierStatus> insert =
              tx.insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER, CARRIERS.STATUS);
          for (NewCarrier carrier : chunk) {
            insert = insert.values(DSL.val(carrier.name()), DSL.val(carrier.mcNumber()), status(carrier.status()));
          }
          long start = System.nanoTime();
          Result<CarrierRecord> rows = null;
          try {
            rows = insert.returning().fetch();
          } finally {
            instruments.statementEnded(Operation.CREATE_ALL, insert, start, rows == null ? -1 : rows.size());
          }
          // Identity values are drawn in VALUES order within one statement: id order is input order.
          rows.sortAsc(CARRIERS.ID);
          created.addAll(rows);
        }
        return created;
      });
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(operation, e, mcNumber -> {
        Integer row = firstRowOfMcNumber.get(mcNumber);
        return row == null ? "mcNumber" : "[" + row + "].mcNumber";
      });
    }
  }

  /**
   * Finds a carrier by id.
   *
   * @param id the id
   * @return the carrier, or empty if there is none
   */
  public Optional<CarrierRecord> findById(long id) {
    return observe(Operation.FIND_BY_ID, () -> Optional.ofNullable(selectById(Operation.FIND_BY_ID, id)));
  }

  /**
   * Gets a carrier that must exist.
   *
   * @param id the id
   * @return the carrier
   * @throws CarrierNotFoundException if there is none
   */
  public CarrierRecord getById(long id) {
    return observe(Operation.GET_BY_ID, () -> {
      CarrierRecord found = selectById(Operation.GET_BY_ID, id);
      if (found == null) {
        throw new CarrierNotFoundException(Operation.GET_BY_ID.description(), id);
      }
      return found;
    });
  }

  /**
   * Finds a carrier by MC number as a user typed it: {@code MC-123456}, {@code mc 123456} and
   * {@code 123456} all find the carrier stored as {@code 123456}.
   *
   * @param mcNumber the MC number as typed
   * @return the carrier, or empty if none has it
   * @throws CarrierValidationException if the text is not an MC number, before any SQL
   */
  public Optional<CarrierRecord> findByMcNumber(String mcNumber) {
    Operation operation = Operation.FIND_BY_MC_NUMBER;
    return observe(operation, () -> {
      Optional<String> canonical = McNumbers.canonical(mcNumber);
      if (canonical.isEmpty()) {
        throw new CarrierValidationException(operation.description(), List.of(new Violation("mcNumber",
            mcNumber == null || mcNumber.isBlank() ? "must not be blank" : McNumbers.RULE, mcNumber)));
      }
      String value = canonical.get();
      CarrierStatements.SelectByMcNumber find = STATEMENTS.selectByMcNumber();
      return Optional.ofNullable(query(operation, find.sql(), statement -> find.bind(statement, value),
          CarrierDao::singleOrNull, ZERO_OR_ONE));
    });
  }

  /**
   * Changes the fields given, if the carrier is still at the version the caller read.
   *
   * @param id the carrier's id
   * @param expectedVersion the {@code version} of the carrier as the caller read it
   * @param change the fields to change
   * @return the carrier as stored now, with its new version
   * @throws CarrierValidationException listing every broken rule, before any SQL
   * @throws CarrierNotFoundException if there is no such carrier
   * @throws StaleCarrierException if someone changed it since (its version moved on)
   * @throws DuplicateMcNumberException if another carrier has the new MC number
   */
  public CarrierRecord update(long id, long expectedVersion, CarrierUpdate change) {
    Operation operation = Operation.UPDATE;
    return observe(operation, () -> {
      validateUpdate(operation.description(), change);
      CarrierStatements.Update statement = STATEMENTS.update(change);
      CarrierRecord updated = query(operation, statement.sql(),
          prepared -> statement.bind(prepared, change, id, expectedVersion), CarrierDao::singleOrNull, ZERO_OR_ONE);
      if (updated == null) {
        throw missingOrStale(operation, id, expectedVersion);
      }
      return updated;
    });
  }

  /**
   * Changes the fields given on a carrier as the caller read it: shorthand for
   * {@code update(read.getId(), read.getVersion(), change)}.
   *
   * @param read the carrier as read
   * @param change the fields to change
   * @return the carrier as stored now
   * @throws CarrierValidationException listing every broken rule, before any SQL
   * @throws CarrierNotFoundException if there is no such carrier
   * @throws StaleCarrierException if someone changed it since it was read
   * @throws DuplicateMcNumberException if another carrier has the new MC number
   */
  public CarrierRecord update(CarrierRecord read, CarrierUpdate change) {
    Objects.requireNonNull(read, "read");
    if (read.getId() == null || read.getVersion() == null) {
      throw new CarrierValidationException(Operation.UPDATE.description(),
          List.of(new Violation("carrier", "must be a carrier read from the database (id and version set)", null)));
    }
    return update(read.getId(), read.getVersion(), change);
  }

  /**
   * Deletes a carrier, whatever its version.
   *
   * @param id the id
   * @return true if it existed
   */
  public boolean delete(long id) {
    return observe(Operation.DELETE, () -> deleteRow(id, 0, false) == 1);
  }

  /**
   * Deletes a carrier if it is still at the version the caller read.
   *
   * @param id the id
   * @param expectedVersion the version as read
   * @throws CarrierNotFoundException if there is no such carrier
   * @throws StaleCarrierException if someone changed it since it was read
   */
  public void delete(long id, long expectedVersion) {
    observe(Operation.DELETE, () -> {
      if (deleteRow(id, expectedVersion, true) == 0) {
        throw missingOrStale(Operation.DELETE, id, expectedVersion);
      }
      return null;
    });
  }

  private int deleteRow(long id, long expectedVersion, boolean versioned) {
    CarrierStatements.Delete delete = STATEMENTS.delete(versioned);
    StatementBinder binder = statement -> delete.bind(statement, id, expectedVersion);
    try {
      return dsl.connectionResult(connection -> {
        long start = System.nanoTime();
        int deleted = -1;
        try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
          binder.bind(statement);
          deleted = statement.executeUpdate();
          return deleted;
        } finally {
          instruments.statementEnded(Operation.DELETE, delete.sql(), start, deleted, binder);
        }
      });
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(Operation.DELETE.description(), e);
    }
  }

  /** Returns the number of carriers. */
  public long count() {
    return count(CarrierQuery.all());
  }

  /**
   * Counts the carriers that match a query's filters (its page is ignored).
   *
   * @param query the filters
   * @return the number of matching carriers
   */
  public long count(CarrierQuery query) {
    return observe(Operation.COUNT, () -> {
      Objects.requireNonNull(query, "query");
      CarrierStatements.Count count = STATEMENTS.count(query);
      return query(Operation.COUNT, count.sql(), statement -> count.bind(statement, query), rows -> {
        rows.next();
        return rows.getLong(1);
      }, ONE_ROW);
    });
  }

  /**
   * Lists one page of carriers in id order; see {@link CarrierQuery}.
   *
   * @param query filters, page size and the previous page's cursor
   * @return the page, with the next page's cursor unless it is the last
   * @throws CarrierValidationException if the cursor was altered or made for other filters
   */
  public Page<CarrierRecord> list(CarrierQuery query) {
    return observe(Operation.LIST, () -> listPage(query));
  }

  private Page<CarrierRecord> listPage(CarrierQuery query) {
    String operation = Operation.LIST.description();
    Objects.requireNonNull(query, "query");
    String fingerprint = Cursor.fingerprint(query.filterDescription());
    OptionalLong after = OptionalLong.empty();
    if (query.cursor().isPresent()) {
      after = Cursor.decode(query.cursor().get(), fingerprint);
      if (after.isEmpty()) {
        throw new CarrierValidationException(operation, List.of(new Violation("cursor",
            "is not a cursor returned by this query (altered, or made for other filters)", null)));
      }
    }
    int pageSize = query.pageSize();
    long afterId = after.orElse(0);
    CarrierStatements.ListPage statement = STATEMENTS.list(query, after.isPresent());
    return query(Operation.LIST, statement.sql(), prepared -> statement.bind(prepared, query, afterId), rows -> {
      List<CarrierRecord> page = new ArrayList<>(pageSize);
      while (page.size() < pageSize && rows.next()) {
        page.add(ROWS.read(rows));
      }
      // The extra row only says that a next page exists: it is not mapped.
      return rows.next() ? new Page<>(page, Cursor.encode(page.get(pageSize - 1).getId(), fingerprint))
          : new Page<>(page, null);
    }, page -> page.items().size());
  }

  private void validateUpdate(String operation, CarrierUpdate change) {
    if (change == null) {
      throw new CarrierValidationException(operation, List.of(new Violation("update", "must not be null", null)));
    }
    List<Violation> violations = new ArrayList<>(change.structuralViolations());
    violations.addAll(validator.violations(change, ""));
    if (!violations.isEmpty()) {
      violations.sort((a, b) -> a.field().compareTo(b.field()));
      throw new CarrierValidationException(operation, violations);
    }
  }

  private RuntimeException missingOrStale(Operation operation, long id, long expectedVersion) {
    CarrierStatements.SelectById version = STATEMENTS.selectVersion();
    Long current = query(operation, version.sql(), statement -> version.bind(statement, id),
        rows -> rows.next() ? rows.getLong(1) : null, ZERO_OR_ONE);
    if (current == null) {
      return new CarrierNotFoundException(operation.description(), id);
    }
    return new StaleCarrierException(operation.description(), id, expectedVersion, current);
  }

  private static Field<CarrierStatus> status(CarrierStatus status) {
    return status == null ? DSL.defaultValue(CARRIERS.STATUS) : DSL.val(status, CARRIERS.STATUS);
  }

  /** Reads a statement's result. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** The row count of a result that is one row. */
  private static final ToLongFunction<Object> ONE_ROW = result -> 1;

  /** The row count of a result that is one row or null. */
  private static final ToLongFunction<Object> ZERO_OR_ONE = result -> result == null ? 0 : 1;

  /**
   * Runs one of the pre-rendered statements on the context's connection (the transaction's, in a
   * transaction) and maps its rows without jOOQ's per-call rendering; the instruments see how long
   * it took, and the row count that {@code rowCount} reads from the result.
   */
  private <T> T query(Operation operation, String sql, StatementBinder binder, Reader<T> reader,
      ToLongFunction<? super T> rowCount) {
    try {
      return dsl.connectionResult(connection -> {
        long start = System.nanoTime();
        long rows = -1;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          binder.bind(statement);
          try (ResultSet results = statement.executeQuery()) {
            T result = reader.read(results);
            rows = rowCount.applyAsLong(result);
            return result;
          }
        } finally {
          instruments.statementEnded(operation, sql, start, rows, binder);
        }
      });
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(operation.description(), e);
    }
  }

  /**
   * Runs a call, timing it and telling its outcome to the meters when metered (without meters it
   * does not read the clock).
   */
  private <T> T observe(Operation operation, Supplier<T> call) {
    if (!instruments.meters().enabled()) {
      return call.get();
    }
    long start = System.nanoTime();
    try {
      T result = call.get();
      instruments.meters().operation(operation, System.nanoTime() - start, null);
      return result;
    } catch (RuntimeException e) {
      instruments.meters().operation(operation, System.nanoTime() - start, e);
      throw e;
    }
  }

  private CarrierRecord selectById(Operation operation, long id) {
    CarrierStatements.SelectById find = STATEMENTS.selectById();
    return query(operation, find.sql(), statement -> find.bind(statement, id), CarrierDao::singleOrNull, ZERO_OR_ONE);
  }

  private static CarrierRecord singleOrNull(ResultSet rows) throws SQLException {
    return rows.next() ? ROWS.read(rows) : null;
  }

  private static CarrierRecord single(ResultSet rows) throws SQLException {
    if (!rows.next()) {
      throw new SQLException("the statement returned no row");
    }
    return ROWS.read(rows);
  }
}
