package dev.carriers.dao.internal;

import static dev.carriers.schema.jooq.Tables.CARRIERS;

import dev.carriers.dao.CarrierQuery;
import dev.carriers.dao.CarrierUpdate;
import dev.carriers.dao.NewCarrier;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The DAO's hot-path statements: each rendered by jOOQ from the generated {@code CARRIERS} table
 * once per shape (which optional parts it has) instead of on every call, as a small object that
 * binds its own parameters. The shapes, the order of the parameters and the list filters live here
 * and nowhere else, and counting uses the very filters that listing does.
 *
 * <p>Rendering a jOOQ query costs tens of microseconds, as much as a primary key lookup on a local
 * server; see docs/performance.md. Rows are read by {@link CarrierRows}.
 *
 * <p>Thread-safe. A shape is rendered when first used; two threads may both render it, harmlessly,
 * since every statement object is immutable (final fields, so a racy publication is safe).
 */
public final class CarrierStatements {

  // A shape's index into its cache: one bit per optional part (see filterShape and update).
  private static final int FILTER_SHAPES = 16;
  private static final int UPDATE_SHAPES = 8;

  private final DSLContext render;
  private final SelectById selectById;
  private final SelectByMcNumber selectByMcNumber;
  private final Insert insertWithStatus;
  private final Insert insertDefaultStatus;
  private final Delete delete;
  private final Delete deleteVersioned;
  private final SelectById selectVersion;
  private final Update[] updates = new Update[UPDATE_SHAPES];
  private final ListPage[] firstPages = new ListPage[FILTER_SHAPES];
  private final ListPage[] nextPages = new ListPage[FILTER_SHAPES];
  private final Count[] counts = new Count[FILTER_SHAPES];

  /**
   * Renders the fixed statements; the others are rendered on first use.
   *
   * @param settings the settings the DAO's jOOQ context uses
   */
  public CarrierStatements(Settings settings) {
    this.render = DSL.using(SQLDialect.POSTGRES, settings);
    this.selectById = new SelectById(render.render(render.selectFrom(CARRIERS)
        .where(CARRIERS.ID.eq(param(CARRIERS.ID)))));
    this.selectByMcNumber = new SelectByMcNumber(render.render(render.selectFrom(CARRIERS)
        .where(CARRIERS.MC_NUMBER.eq(param(CARRIERS.MC_NUMBER)))));
    this.insertWithStatus = new Insert(render.render(
        render.insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER, CARRIERS.STATUS)
            .values(param(CARRIERS.NAME), param(CARRIERS.MC_NUMBER), param(CARRIERS.STATUS))
            .returning()), true);
    this.insertDefaultStatus = new Insert(render.render(render.insertInto(CARRIERS, CARRIERS.NAME, CARRIERS.MC_NUMBER)
        .values(param(CARRIERS.NAME), param(CARRIERS.MC_NUMBER))
        .returning()), false);
    this.delete = new Delete(render.render(render.deleteFrom(CARRIERS).where(CARRIERS.ID.eq(param(CARRIERS.ID)))),
        false);
    this.deleteVersioned = new Delete(render.render(render.deleteFrom(CARRIERS)
        .where(CARRIERS.ID.eq(param(CARRIERS.ID)).and(CARRIERS.VERSION.eq(param(CARRIERS.VERSION))))), true);
    this.selectVersion = new SelectById(render.render(render.select(CARRIERS.VERSION).from(CARRIERS)
        .where(CARRIERS.ID.eq(param(CARRIERS.ID)))));
  }

  private static <T> Param<T> param(Field<T> field) {
    return DSL.param(field.getName(), field.getDataType());
  }

  /**
   * Returns {@code select <all columns> from carriers where id = ?}.
   *
   * @return the statement
   */
  public SelectById selectById() {
    return selectById;
  }

  /**
   * Returns {@code select <all columns> from carriers where mc_number = ?}.
   *
   * @return the statement
   */
  public SelectByMcNumber selectByMcNumber() {
    return selectByMcNumber;
  }

  /**
   * Returns the delete of a carrier: whatever its version, or only at the version the caller read.
   *
   * @param versioned whether the carrier must still be at an expected version
   * @return {@code delete from carriers where id = ?[ and version = ?]}
   */
  public Delete delete(boolean versioned) {
    return versioned ? deleteVersioned : delete;
  }

  /**
   * Returns {@code select version from carriers where id = ?}: after an update or delete at a
   * version changed nothing, it tells a missing carrier from a stale one.
   *
   * @return the statement
   */
  public SelectById selectVersion() {
    return selectVersion;
  }

  /**
   * Returns the insert for a carrier: with its status, or leaving the column default when it has
   * none.
   *
   * @param carrier the carrier to insert
   * @return {@code insert ... values (?, ?[, ?]) returning <all columns>}
   */
  public Insert insert(NewCarrier carrier) {
    return carrier.status() != null ? insertWithStatus : insertDefaultStatus;
  }

  /**
   * Returns the update that sets the columns a change gives.
   *
   * @param change a change that sets at least one column
   * @return {@code update carriers set ... where id = ? and version = ? returning <all columns>}
   * @throws IllegalArgumentException if the change sets no column
   */
  public Update update(CarrierUpdate change) {
    int shape = (change.setsName() ? 1 : 0) | (change.setsMcNumber() ? 2 : 0)
        | (change.status().isPresent() ? 4 : 0);
    Update update = updates[shape];
    if (update == null) {
      update = new Update(renderUpdate(change));
      updates[shape] = update;
    }
    return update;
  }

  /** The update for the columns a change sets, with its parameters in the order {@link Update} binds. */
  private String renderUpdate(CarrierUpdate change) {
    Map<Field<?>, Object> values = new LinkedHashMap<>();
    if (change.setsName()) {
      values.put(CARRIERS.NAME, param(CARRIERS.NAME));
    }
    if (change.setsMcNumber()) {
      values.put(CARRIERS.MC_NUMBER, param(CARRIERS.MC_NUMBER));
    }
    if (change.status().isPresent()) {
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
   * Returns the keyset page query for a query's filters, in id order.
   *
   * @param query the filters and page size
   * @param afterCursor whether the page continues after an id (from the query's cursor)
   * @return {@code select <all columns> from carriers where <filters> [and id > ?] order by id
   *     fetch next ? rows only}
   */
  public ListPage list(CarrierQuery query, boolean afterCursor) {
    int shape = filterShape(query);
    ListPage[] pages = afterCursor ? nextPages : firstPages;
    ListPage page = pages[shape];
    if (page == null) {
      Condition where = afterCursor ? filters(query).and(CARRIERS.ID.gt(param(CARRIERS.ID))) : filters(query);
      page = new ListPage(render.render(render.selectFrom(CARRIERS).where(where)
          .orderBy(CARRIERS.ID)
          .limit(DSL.param("limit", Integer.class))), afterCursor);
      pages[shape] = page;
    }
    return page;
  }

  /**
   * Returns the count of the carriers that match a query's filters, with the same filters as
   * {@link #list}.
   *
   * @param query the filters; the page is ignored
   * @return {@code select count(*) from carriers where <filters>}
   */
  public Count count(CarrierQuery query) {
    int shape = filterShape(query);
    Count count = counts[shape];
    if (count == null) {
      count = new Count(render.render(render.selectCount().from(CARRIERS).where(filters(query))));
      counts[shape] = count;
    }
    return count;
  }

  /**
   * The cache index of a query's filters: which are present, and for the MC number which way. Two
   * queries with the same index render the same SQL.
   */
  private static int filterShape(CarrierQuery query) {
    Boolean hasMcNumber = query.hasMcNumber().orElse(null);
    return (query.nameContains().isPresent() ? 1 : 0) | (query.status().isPresent() ? 2 : 0)
        | (hasMcNumber == null ? 0 : hasMcNumber ? 4 : 8);
  }

  /** The filter conditions of a query, with their parameters in the order {@link #bindFilters} binds. */
  private static Condition filters(CarrierQuery query) {
    Condition condition = DSL.noCondition();
    if (query.nameContains().isPresent()) {
      condition = condition.and(CARRIERS.NAME.likeIgnoreCase(param(CARRIERS.NAME), '\\'));
    }
    if (query.status().isPresent()) {
      condition = condition.and(CARRIERS.STATUS.eq(param(CARRIERS.STATUS)));
    }
    Boolean hasMcNumber = query.hasMcNumber().orElse(null);
    if (hasMcNumber != null) {
      condition = condition.and(hasMcNumber ? CARRIERS.MC_NUMBER.isNotNull() : CARRIERS.MC_NUMBER.isNull());
    }
    return condition;
  }

  /**
   * Binds the parameters of {@link #filters}: the name pattern and the status, those present.
   *
   * @return the index of the next parameter
   */
  private static int bindFilters(PreparedStatement statement, CarrierQuery query) throws SQLException {
    int index = 1;
    String text = query.nameContains().orElse(null);
    if (text != null) {
      statement.setString(index++, "%" + escapeLike(text) + "%");
    }
    CarrierStatus status = query.status().orElse(null);
    if (status != null) {
      statement.setString(index++, status.getLiteral());
    }
    return index;
  }

  /** Makes {@code %}, {@code _} and the escape character itself match literally in a LIKE pattern. */
  static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /** A statement's SQL, rendered once. */
  abstract static class Rendered {

    private final String sql;

    Rendered(String sql) {
      this.sql = sql;
    }

    /**
     * Returns the SQL, with {@code ?} parameters.
     *
     * @return the SQL
     */
    public final String sql() {
      return sql;
    }

    @Override
    public final String toString() {
      return sql;
    }
  }

  /** A select by id: {@code select <all columns> from carriers where id = ?}, or of the version alone. */
  public static final class SelectById extends Rendered {

    private SelectById(String sql) {
      super(sql);
    }

    /**
     * Binds the id.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param id the id
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, long id) throws SQLException {
      statement.setLong(1, id);
    }
  }

  /** {@code select <all columns> from carriers where mc_number = ?}. */
  public static final class SelectByMcNumber extends Rendered {

    private SelectByMcNumber(String sql) {
      super(sql);
    }

    /**
     * Binds the MC number.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param canonical the MC number in canonical form
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, String canonical) throws SQLException {
      statement.setString(1, canonical);
    }
  }

  /** {@code delete from carriers where id = ?[ and version = ?]}. */
  public static final class Delete extends Rendered {

    private final boolean versioned;

    private Delete(String sql, boolean versioned) {
      super(sql);
      this.versioned = versioned;
    }

    /**
     * Binds the id and, for the versioned shape, the expected version.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param id the carrier's id
     * @param expectedVersion the version the caller read; ignored by the shape without one
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, long id, long expectedVersion) throws SQLException {
      statement.setLong(1, id);
      if (versioned) {
        statement.setLong(2, expectedVersion);
      }
    }
  }

  /** {@code insert into carriers (name, mc_number[, status]) values (...) returning <all columns>}. */
  public static final class Insert extends Rendered {

    private final boolean withStatus;

    private Insert(String sql, boolean withStatus) {
      super(sql);
      this.withStatus = withStatus;
    }

    /**
     * Binds a carrier's name, MC number and, for this shape, status.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param carrier the carrier this statement was chosen for by {@link CarrierStatements#insert}
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, NewCarrier carrier) throws SQLException {
      statement.setString(1, carrier.name());
      statement.setString(2, carrier.mcNumber());
      if (withStatus) {
        statement.setString(3, carrier.status().getLiteral());
      }
    }
  }

  /** {@code update carriers set ... where id = ? and version = ? returning <all columns>}. */
  public static final class Update extends Rendered {

    private Update(String sql) {
      super(sql);
    }

    /**
     * Binds the columns the change sets (name, MC number, status, in that order), then the id and
     * the expected version.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param change the change this statement was chosen for by {@link CarrierStatements#update}
     * @param id the carrier's id
     * @param expectedVersion the version the caller read
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, CarrierUpdate change, long id, long expectedVersion)
        throws SQLException {
      int index = 1;
      if (change.setsName()) {
        statement.setString(index++, change.name().orElseThrow());
      }
      if (change.setsMcNumber()) {
        statement.setString(index++, change.mcNumberOrNull());
      }
      CarrierStatus status = change.status().orElse(null);
      if (status != null) {
        statement.setString(index++, status.getLiteral());
      }
      statement.setLong(index++, id);
      statement.setLong(index, expectedVersion);
    }
  }

  /**
   * A keyset page: {@code select <all columns> from carriers where <filters> [and id > ?] order by
   * id fetch next ? rows only}, asking for one row more than the page so that the caller learns
   * whether a next page exists without a second query.
   */
  public static final class ListPage extends Rendered {

    private final boolean afterCursor;

    private ListPage(String sql, boolean afterCursor) {
      super(sql);
      this.afterCursor = afterCursor;
    }

    /**
     * Binds the filters, the id the page starts after (for a shape after a cursor) and the row
     * limit, the page size and one.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param query the query this statement was chosen for by {@link CarrierStatements#list}
     * @param afterId the last id of the previous page; ignored for a first page
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, CarrierQuery query, long afterId) throws SQLException {
      int index = bindFilters(statement, query);
      if (afterCursor) {
        statement.setLong(index++, afterId);
      }
      statement.setInt(index, query.pageSize() + 1);
    }
  }

  /** {@code select count(*) from carriers where <filters>}: the filters of {@link ListPage}. */
  public static final class Count extends Rendered {

    private Count(String sql) {
      super(sql);
    }

    /**
     * Binds the filters.
     *
     * @param statement the statement prepared from {@link #sql()}
     * @param query the query this statement was chosen for by {@link CarrierStatements#count}
     * @throws SQLException if binding fails
     */
    public void bind(PreparedStatement statement, CarrierQuery query) throws SQLException {
      bindFilters(statement, query);
    }
  }
}
