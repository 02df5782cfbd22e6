package dev.carriers.dao.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.dao.CarrierQuery;
import dev.carriers.dao.CarrierUpdate;
import dev.carriers.dao.NewCarrier;
import dev.carriers.schema.jooq.enums.CarrierStatus;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.Test;

/**
 * Each statement binds the parameters its SQL has, in its order; count and list share their
 * filters; a shape is rendered once.
 */
class CarrierStatementsTest {

  // Names unqualified and unquoted, as the DAO's own settings render them.
  private final CarrierStatements statements = new CarrierStatements(new Settings().withRenderSchema(false)
      .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));

  /** A PreparedStatement that only records what was bound, by parameter index. */
  private static final class Bindings {
    final Map<Integer, Object> values = new TreeMap<>();
    final PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(
        Bindings.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          if (method.getName().startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer) {
            values.put((Integer) args[0], args[1]);
            return null;
          }
          throw new UnsupportedOperationException(method.getName());
        });

    List<Object> inOrder() {
      // Every parameter from 1 up is bound once: no gap, none left out.
      assertThat(values.keySet()).containsExactlyElementsOf(indexes(values.size()));
      return new ArrayList<>(values.values());
    }

    private static List<Integer> indexes(int count) {
      List<Integer> indexes = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        indexes.add(i);
      }
      return indexes;
    }
  }

  private static int parameters(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }

  private static List<CarrierQuery> everyFilterShape() {
    List<CarrierQuery> queries = new ArrayList<>();
    for (String name : new String[] {null, "Blue 100%_\\"}) {
      for (CarrierStatus status : new CarrierStatus[] {null, CarrierStatus.INACTIVE}) {
        for (Boolean hasMcNumber : new Boolean[] {null, true, false}) {
          queries.add(CarrierQuery.all().nameContains(name).status(status).hasMcNumber(hasMcNumber).pageSize(25));
        }
      }
    }
    return queries;
  }

  @Test
  void listAndCount_shareTheirFilters_andBindThemAlike() throws Exception {
    for (CarrierQuery query : everyFilterShape()) {
      CarrierStatements.Count count = statements.count(query);
      CarrierStatements.ListPage first = statements.list(query, false);
      CarrierStatements.ListPage next = statements.list(query, true);
      String fromWhere = count.sql().substring("select count(*)".length());
      assertThat(first.sql()).as(query.toString()).contains(fromWhere + " order by carriers.id ");

      Bindings counted = new Bindings();
      count.bind(counted.statement, query);
      Bindings firstPage = new Bindings();
      first.bind(firstPage.statement, query, 0);
      Bindings nextPage = new Bindings();
      next.bind(nextPage.statement, query, 4242);

      List<Object> filters = counted.inOrder();
      assertThat(filters).hasSize(parameters(count.sql()));
      List<Object> expectedFirst = new ArrayList<>(filters);
      expectedFirst.add(26);
      assertThat(firstPage.inOrder()).as(first.sql()).containsExactlyElementsOf(expectedFirst)
          .hasSize(parameters(first.sql()));
      List<Object> expectedNext = new ArrayList<>(filters);
      expectedNext.add(4242L);
      expectedNext.add(26);
      assertThat(nextPage.inOrder()).as(next.sql()).containsExactlyElementsOf(expectedNext)
          .hasSize(parameters(next.sql()));
    }
  }

  @Test
  void filters_bindAnEscapedPattern_andTheStatusLiteral() throws Exception {
    CarrierQuery query = CarrierQuery.all().nameContains(" Blue 100%_\\ ").status(CarrierStatus.OUT_OF_SERVICE);
    Bindings bound = new Bindings();
    statements.count(query).bind(bound.statement, query);
    assertThat(bound.inOrder()).containsExactly("%Blue 100\\%\\_\\\\%", "OUT_OF_SERVICE");
    assertThat(statements.count(query).sql()).contains("ilike ? escape '\\'", "status = cast(? as carrier_status)");
    assertThat(statements.count(CarrierQuery.all()).sql()).isEqualTo("select count(*) from carriers");
  }

  @Test
  void update_bindsTheColumnsItSets_thenIdAndVersion() throws Exception {
    CarrierUpdate change = CarrierUpdate.create().status(CarrierStatus.INACTIVE).name(" Acme ");
    CarrierStatements.Update update = statements.update(change);
    Bindings bound = new Bindings();
    update.bind(bound.statement, change, 7, 3);
    assertThat(bound.inOrder()).containsExactly("Acme", "INACTIVE", 7L, 3L).hasSize(parameters(update.sql()));
    assertThat(update.sql()).contains("set name = ?, status = cast(? as carrier_status) where");

    CarrierUpdate clear = CarrierUpdate.create().clearMcNumber();
    Bindings cleared = new Bindings();
    statements.update(clear).bind(cleared.statement, clear, 8, 0);
    assertThat(cleared.values).containsEntry(1, null).containsEntry(2, 8L).containsEntry(3, 0L).hasSize(3);

    assertThatThrownBy(() -> statements.update(CarrierUpdate.create()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("an update sets at least one column");
  }

  @Test
  void insert_bindsTheStatusOnlyWhenGiven() throws Exception {
    NewCarrier active = NewCarrier.of("Acme", "MC-042");
    Bindings bound = new Bindings();
    statements.insert(active).bind(bound.statement, active);
    assertThat(bound.inOrder()).containsExactly("Acme", "42").hasSize(parameters(statements.insert(active).sql()));

    NewCarrier inactive = NewCarrier.of("Beta", null, CarrierStatus.INACTIVE);
    Bindings withStatus = new Bindings();
    statements.insert(inactive).bind(withStatus.statement, inactive);
    assertThat(withStatus.values).containsEntry(1, "Beta").containsEntry(2, null).containsEntry(3, "INACTIVE")
        .hasSize(parameters(statements.insert(inactive).sql()));
  }

  @Test
  void lookups_bindTheirKey() throws Exception {
    Bindings byId = new Bindings();
    statements.selectById().bind(byId.statement, 42);
    assertThat(byId.inOrder()).containsExactly(42L).hasSize(parameters(statements.selectById().sql()));
    Bindings byMc = new Bindings();
    statements.selectByMcNumber().bind(byMc.statement, "12345");
    assertThat(byMc.inOrder()).containsExactly("12345").hasSize(parameters(statements.selectByMcNumber().sql()));
  }

  @Test
  void eachShape_isRenderedOnce() {
    CarrierQuery query = CarrierQuery.all().status(CarrierStatus.ACTIVE);
    assertThat(statements.list(query, true)).isSameAs(statements.list(query.pageSize(7), true))
        .isNotSameAs(statements.list(query, false));
    assertThat(statements.count(query)).isSameAs(statements.count(query.after("whatever")));
    assertThat(statements.update(CarrierUpdate.create().name("A")))
        .isSameAs(statements.update(CarrierUpdate.create().name("B")));
    assertThat(statements.insert(NewCarrier.of("A", null))).isSameAs(statements.insert(NewCarrier.of("B", "1")));
  }
}
