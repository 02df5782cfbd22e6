package dev.carriers.testing.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

class MockDatabaseTest {

  private static final Table<Record> NOTES = DSL.table(DSL.name("notes"));
  private static final Field<Long> ID = DSL.field(DSL.name("notes", "id"), SQLDataType.BIGINT);
  private static final Field<String> TEXT = DSL.field(DSL.name("notes", "text"), SQLDataType.VARCHAR);

  private static Result<Record2<Long, String>> notes(Object[]... rows) {
    DSLContext dsl = DSL.using(SQLDialect.POSTGRES);
    Result<Record2<Long, String>> result = dsl.newResult(ID, TEXT);
    for (Object[] row : rows) {
      result.add(dsl.newRecord(ID, TEXT).values((Long) row[0], (String) row[1]));
    }
    return result;
  }

  @Test
  void answersMatchingQueries_andRecordsSqlAndBindings() {
    MockDatabase db = MockDatabase.create()
        .onQuery("select .* from \"?notes\"? where", notes(new Object[] {7L, "hello"}))
        .onUpdate("^delete from", 3);
    DSLContext dsl = DSL.using(db.dataSource(), SQLDialect.POSTGRES);

    Result<?> found = dsl.select(ID, TEXT).from(NOTES).where(ID.eq(7L)).fetch();
    int deleted = dsl.deleteFrom(NOTES).where(TEXT.eq("x")).execute();

    assertThat(found).hasSize(1);
    assertThat(found.get(0).get(TEXT)).isEqualTo("hello");
    assertThat(deleted).isEqualTo(3);
    assertThat(db.executed()).hasSize(2);
    assertThat(db.executed("delete")).singleElement()
        .satisfies(statement -> assertThat(statement.bindings()).containsExactly("x"));
    assertThat(db.executed("select").get(0).bindings()).containsExactly(7L);

    db.clearExecuted();
    assertThat(db.executed()).isEmpty();
    assertThat(dsl.deleteFrom(NOTES).execute()).as("the rules stay").isEqualTo(3);
  }

  @Test
  void successiveMatchesGetSuccessiveResults_theLastRepeats() {
    MockDatabase db = MockDatabase.create().onQuery("from \"?notes\"?", notes(), notes(new Object[] {1L, "a"}));
    DSLContext dsl = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
    assertThat(dsl.selectFrom(NOTES).fetch()).isEmpty();
    assertThat(dsl.selectFrom(NOTES).fetch()).hasSize(1);
    assertThat(dsl.selectFrom(NOTES).fetch()).hasSize(1);
  }

  @Test
  void unscriptedStatementsFail_namingTheSql() {
    MockDatabase db = MockDatabase.create().onUpdate("update", 1);
    DSLContext dsl = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
    assertThatThrownBy(() -> dsl.selectFrom(NOTES).fetch())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("MockDatabase has no answer scripted for: select");
  }

  @Test
  void scriptedErrorsKeepTheirSqlState() throws SQLException {
    MockDatabase db = MockDatabase.create().onError("insert", "23505", "duplicate key");
    try (Connection connection = db.dataSource().getConnection();
        PreparedStatement insert = connection.prepareStatement("insert into notes(text) values (?)")) {
      insert.setString(1, "x");
      assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    }
  }

  @Test
  void worksOnPlainJdbcToo() throws SQLException {
    MockDatabase db = MockDatabase.create().onQuery("select", notes(new Object[] {1L, "plain"}));
    try (Connection connection = db.dataSource().getConnection();
        PreparedStatement select = connection.prepareStatement("select id, text from notes");
        ResultSet rows = select.executeQuery()) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(2)).isEqualTo("plain");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void result_buildsAResultOfATablesRecords() {
    assertThat(MockDatabase.result(NOTES)).isEmpty();
  }
}
