package dev.carriers.dao.internal;

import static dev.carriers.schema.jooq.Tables.CARRIERS;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The DAO's hot-path statements, rendered by jOOQ from the generated {@code CARRIERS} table once
 * (per statement shape) instead of on every call, and the mapping of a result row onto a
 * {@link CarrierRecord} by column position, without reflection: a way of reading each column of
 * {@code CARRIERS.fields()}, chosen once by the column's type, so a column added by a later
 * migration is selected and read with no change here. (The generated all-columns constructor
 * measured slower: it resets the changed flags per value.)
 *
 * <p>Rendering a jOOQ query costs tens of microseconds, as much as a primary key lookup on a
 * local server; see docs/performance.md.
 *
 * <p>Thread-safe.
 */
public final class CarrierStatements {

  /** Bit of a list shape: filtered by name. */
  public static final int NAME = 1;
  /** Bit of a list shape: filtered by status. */
  public static final int STATUS = 2;
  /** Bit of a list shape: with MC number. */
  public static final int WITH_MC = 4;
  /** Bit of a list shape: without MC number. */
  public static final int WITHOUT_MC = 8;
  /** Bit of a list shape: after a cursor. */
  public static final int AFTER = 16;

  /** Bit of an update shape: sets the name. */
  public static final int SET_NAME = 1;
  /** Bit of an update shape: sets the MC number. */
  public static final int SET_MC = 2;
  /** Bit of an update shape: sets the status. */
  public static final int SET_STATUS = 4;

  private final DSLContext render;
  private final Field<?>[] fields;
  private final int[] kinds;
  private final java.util.List<Map<String, Object>> enumByLiteral;
  private final String selectById;
  private final String selectByMcNumber;
  private final String insert;
  private final String insertDefaultStatus;
  private final Map<Integer, String> updates = new ConcurrentHashMap<>();
  private final Map<Integer, String> lists = new ConcurrentHashMap<>();
  private final boolean knownColumns = hasKnownColumns();

  /**
   * Renders the fixed statements.
   *
   * @param settings the settings the DAO's jOOQ context uses
   */
  public CarrierStatements(Settings settings) {
    this.render = DSL.using(SQLDialect.POSTGRES, settings);
    this.fields = CARRIERS.fields();
    this.kinds = new int[fields.length];
    java.util.List<Map<String, Object>> literals = new java.util.ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      kinds[i] = kind(fields[i]);
      literals.add(kinds[i] == ENUM ? enumByLiteral(fields[i]) : Map.of());
    }
    this.enumByLiteral = literals;
    this.selectById = render.render(render.selectFrom(CARRIERS).where(CARRIERS.ID.eq(param(CARRIERS.ID))));
    this.selectByMcNumber = render.render(render.selectFrom(CARRIERS)
        .where(CARRIERS.MC_NUMBER.eq(param(CARRIERS.MC_NUMBER))));
    this.insert = render.render(render.insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER, CARRIERS.STATUS)
        .values(param(CARRIERS.NAME), param(CARRIERS.MC_NUMBER), param(CARRIERS.STATUS))
        .returning());
    this.insertDefaultStatus = render.render(render.insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER)
        .values(param(CARRIERS.NAME), param(CARRIERS.MC_NUMBER))
        .returning());
  }

  private static <T> Param<T> param(Field<T> field) {
    return DSL.param(field.getName(), field.getDataType());
  }

  /** Returns {@code select <all columns> from carriers where id = ?}. */
  public String selectById() {
    return selectById;
  }

  /** Returns {@code select <all columns> from carriers where mc_number = ?}. */
  public String selectByMcNumber() {
    return selectByMcNumber;
  }

  /**
   * Returns {@code insert ... values (?, ?[, ?]) returning <all columns>}.
   *
   * @param withStatus whether a status is bound (else the column default applies)
   * @return the SQL; binds name, mc_number and, if given, status
   */
  public String insert(boolean withStatus) {
    return withStatus ? insert : insertDefaultStatus;
  }

  /**
   * Returns {@code update carriers set ... where id = ? and version = ? returning <all columns>}.
   *
   * @param shape the {@code SET_*} bits; binds name, mc_number, status (those set), then id, version
   * @return the SQL
   */
  public String update(int shape) {
    return updates.computeIfAbsent(shape, this::renderUpdate);
  }

  private String renderUpdate(int shape) {
    Map<Field<?>, Object> values = new LinkedHashMap<>();
    if ((shape & SET_NAME) != 0) {
      values.put(CARRIERS.NAME, param(CARRIERS.NAME));
    }
    if ((shape & SET_MC) != 0) {
      values.put(CARRIERS.MC_NUMBER, param(CARRIERS.MC_NUMBER));
    }
    if ((shape & SET_STATUS) != 0) {
      values.put(CARRIERS.STATUS, param(CARRIERS.STATUS));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an update sets at least one column");
    }
    return render.render(render.update(CARRIERS).set(values)
        .where(CARRIERS.ID.eq(param(CARRIERS.ID)).and(CARRIERS.VERSION.eq(param(CARRIERS.VERSION))))
        .returning());
  }

  /**
   * Returns a keyset page query.
   *
   * @param shape the list bits; binds the name pattern, status, last id (those present), then the
   *     row limit
   * @return the SQL
   */
  public String list(int shape) {
    return lists.computeIfAbsent(shape, this::renderList);
  }

  private String renderList(int shape) {
    return render.render(render.selectFrom(CARRIERS).where(filters(shape))
        .orderBy(CARRIERS.ID)
        .limit(DSL.param("limit", Integer.class)));
  }

  /**
   * Returns the filter conditions of a list shape, with parameters in bind order.
   *
   * @param shape the list bits
   * @return the conditions
   */
  public static Condition filters(int shape) {
    Condition condition = DSL.noCondition();
    if ((shape & NAME) != 0) {
      condition = condition.and(CARRIERS.NAME.likeIgnoreCase(param(CARRIERS.NAME), '\\'));
    }
    if ((shape & STATUS) != 0) {
      condition = condition.and(CARRIERS.STATUS.eq(param(CARRIERS.STATUS)));
    }
    if ((shape & WITH_MC) != 0) {
      condition = condition.and(CARRIERS.MC_NUMBER.isNotNull());
    }
    if ((shape & WITHOUT_MC) != 0) {
      condition = condition.and(CARRIERS.MC_NUMBER.isNull());
    }
    if ((shape & AFTER) != 0) {
      condition = condition.and(CARRIERS.ID.gt(param(CARRIERS.ID)));
    }
    return condition;
  }

  /**
   * Reads the current row as a detached {@link CarrierRecord}, by column position.
   *
   * @param row a result positioned on a row of one of these statements
   * @return the record, marked unchanged, as jOOQ's own fetch returns it
   * @throws SQLException if reading fails
   */
  public CarrierRecord read(ResultSet row) throws SQLException {
    return knownColumns ? readKnownColumns(row) : readAnyColumns(row);
  }

  /**
   * Whether the table has exactly the columns {@link #readKnownColumns} maps, in that order. When a
   * migration adds a column, this is false and rows go through the generic path until the fast
   * path learns the column ({@code CarrierStatementsTest} fails to say so).
   */
  public boolean readsKnownColumns() {
    return knownColumns;
  }

  private static boolean hasKnownColumns() {
    Field<?>[] columns = CARRIERS.fields();
    Field<?>[] known = {CARRIERS.ID, CARRIERS.NAME, CARRIERS.MC_NUMBER, CARRIERS.CREATED_AT,
        CARRIERS.UPDATED_AT, CARRIERS.STATUS, CARRIERS.VERSION};
    return java.util.Arrays.equals(columns, known);
  }

  // The generated setters address values by position; Record.set(Field, value) first looks the
  // field up, which measured as a third of the mapping cost of a page.
  CarrierRecord readKnownColumns(ResultSet row) throws SQLException {
    CarrierRecord record = new CarrierRecord();
    long id = row.getLong(1);
    record.setId(row.wasNull() ? null : id);
    record.setName(row.getString(2));
    record.setMcNumber(row.getString(3));
    record.setCreatedAt(row.getObject(4, OffsetDateTime.class));
    record.setUpdatedAt(row.getObject(5, OffsetDateTime.class));
    String status = row.getString(6);
    record.setStatus(status == null ? null : (CarrierStatus) enumByLiteral.get(5).get(status));
    long version = row.getLong(7);
    record.setVersion(row.wasNull() ? null : version);
    record.changed(false);
    return record;
  }

  @SuppressWarnings("unchecked")
  CarrierRecord readAnyColumns(ResultSet row) throws SQLException {
    CarrierRecord record = new CarrierRecord();
    // A switch on a kind chosen once per column, rather than a lambda per column: one call site,
    // no megamorphic dispatch, on a loop that runs for every row of every page.
    for (int i = 0; i < kinds.length; i++) {
      int column = i + 1;
      switch (kinds[i]) {
        case LONG: {
          long value = row.getLong(column);
          record.set((Field<Long>) fields[i], row.wasNull() ? null : value);
          break;
        }
        case INTEGER: {
          int value = row.getInt(column);
          record.set((Field<Integer>) fields[i], row.wasNull() ? null : value);
          break;
        }
        case STRING:
          record.set((Field<String>) fields[i], row.getString(column));
          break;
        case OFFSET_DATE_TIME:
          record.set((Field<OffsetDateTime>) fields[i], row.getObject(column, OffsetDateTime.class));
          break;
        case ENUM: {
          String literal = row.getString(column);
          record.set((Field<Object>) fields[i], literal == null ? null : enumByLiteral.get(i).get(literal));
          break;
        }
        default:
          // Any other type a later migration brings: jOOQ's own conversion.
          record.set((Field<Object>) fields[i], fields[i].getDataType().convert(row.getObject(column)));
          break;
      }
    }
    record.changed(false);
    return record;
  }

  private static final int LONG = 0;
  private static final int INTEGER = 1;
  private static final int STRING = 2;
  private static final int OFFSET_DATE_TIME = 3;
  private static final int ENUM = 4;
  private static final int OTHER = 5;

  private static int kind(Field<?> field) {
    Class<?> type = field.getType();
    if (type == Long.class) {
      return LONG;
    }
    if (type == Integer.class) {
      return INTEGER;
    }
    if (type == String.class) {
      return STRING;
    }
    if (type == OffsetDateTime.class) {
      return OFFSET_DATE_TIME;
    }
    if (EnumType.class.isAssignableFrom(type) && type.isEnum()) {
      return ENUM;
    }
    return OTHER;
  }

  private static Map<String, Object> enumByLiteral(Field<?> field) {
    Map<String, Object> byLiteral = new HashMap<>();
    for (Object constant : field.getType().getEnumConstants()) {
      byLiteral.put(((EnumType) constant).getLiteral(), constant);
    }
    return byLiteral;
  }

  /**
   * Returns the literal a status is bound as.
   *
   * @param status the status
   * @return its database literal
   */
  public static String literal(CarrierStatus status) {
    return status.getLiteral();
  }
}
