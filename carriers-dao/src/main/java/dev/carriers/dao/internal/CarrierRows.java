package dev.carriers.dao.internal;

import static dev.carriers.schema.jooq.Tables.CARRIERS;

import dev.carriers.schema.jooq.enums.CarrierStatus;
import dev.carriers.schema.jooq.tables.records.CarrierRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.EnumType;
import org.jooq.Field;

/**
 * Reads a result row of {@link CarrierStatements} onto a {@link CarrierRecord} by column position,
 * without reflection: a way of reading each column of {@code CARRIERS.fields()}, chosen once by the
 * column's type, so a column added by a later migration is selected and read with no change here.
 * Rows of the known shape take a faster path through the generated positional setters. (The
 * generated all-columns constructor measured slower: it resets the changed flags per value.)
 *
 * <p>Thread-safe.
 */
public final class CarrierRows {

  /** How a column is read: chosen once per column from its Java type. */
  private enum Kind { LONG, INTEGER, STRING, OFFSET_DATE_TIME, ENUM, OTHER }

  private final Field<?>[] fields = CARRIERS.fields();
  private final Kind[] kinds = new Kind[fields.length];
  private final List<Map<String, Object>> enumByLiteral = new ArrayList<>(fields.length);
  private final boolean knownColumns = Arrays.equals(fields, new Field<?>[] {CARRIERS.ID, CARRIERS.NAME,
      CARRIERS.MC_NUMBER, CARRIERS.CREATED_AT, CARRIERS.UPDATED_AT, CARRIERS.STATUS, CARRIERS.VERSION});

  /** Chooses how to read each column of the generated table. */
  public CarrierRows() {
    for (int i = 0; i < fields.length; i++) {
      kinds[i] = kind(fields[i]);
      enumByLiteral.add(kinds[i] == Kind.ENUM ? enumByLiteral(fields[i]) : Map.of());
    }
  }

  /**
   * Reads the current row as a detached {@link CarrierRecord}, by column position.
   *
   * @param row a result positioned on a row of one of the {@link CarrierStatements}
   * @return the record, marked unchanged, as jOOQ's own fetch returns it
   * @throws SQLException if reading fails
   */
  public CarrierRecord read(ResultSet row) throws SQLException {
    return knownColumns ? readKnownColumns(row) : readAnyColumns(row);
  }

  /**
   * Whether the table has exactly the columns {@link #readKnownColumns} maps, in that order. When a
   * migration adds a column, this is false and rows go through the generic path until the fast
   * path learns the column ({@code CarrierRowsTest} fails to say so).
   *
   * @return true while the fast path covers every column
   */
  public boolean readsKnownColumns() {
    return knownColumns;
  }

  // The generated setters address values by position; Record.set(Field, value) first looks the
  // field up, which measured as a third of the mapping cost of a page.
  CarrierRecord readKnownColumns(ResultSet row) throws SQLException {
    CarrierRecord record = startRecord();
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
    CarrierRecord record = startRecord();
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

  /**
   * A new record with every column marked changed, to be filled and then marked unchanged. Setting
   * the primary key of a record whose key is not yet marked changed makes jOOQ consult the
   * record's settings, and a detached record has none, so each such call built a default jOOQ
   * configuration: measured at 15 to 20 of the 50 microseconds that mapping a page of 100 took.
   * With every column marked changed first, jOOQ takes its short path; {@code changed(false)} at
   * the end leaves the record as jOOQ's own fetch does (unchanged, originals set).
   */
  private static CarrierRecord startRecord() {
    CarrierRecord record = new CarrierRecord();
    record.changed(true);
    return record;
  }

  private static Kind kind(Field<?> field) {
    Class<?> type = field.getType();
    if (type == Long.class) {
      return Kind.LONG;
    }
    if (type == Integer.class) {
      return Kind.INTEGER;
    }
    if (type == String.class) {
      return Kind.STRING;
    }
    if (type == OffsetDateTime.class) {
      return Kind.OFFSET_DATE_TIME;
    }
    if (EnumType.class.isAssignableFrom(type) && type.isEnum()) {
      return Kind.ENUM;
    }
    return Kind.OTHER;
  }

  private static Map<String, Object> enumByLiteral(Field<?> field) {
    Map<String, Object> byLiteral = new HashMap<>();
    for (Object constant : field.getType().getEnumConstants()) {
      byLiteral.put(((EnumType) constant).getLiteral(), constant);
    }
    return byLiteral;
  }
}
