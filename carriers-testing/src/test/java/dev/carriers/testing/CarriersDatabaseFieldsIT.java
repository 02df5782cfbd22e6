package dev.carriers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.carriers.postgres.PostgresServer;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link CarriersDatabase} on fields and parameters, checked by running small test classes with the
 * JUnit launcher and looking at what they saw and what is left on the server afterwards.
 */
class CarriersDatabaseFieldsIT {

  /** One line per field test the launched classes ran: database names and table counts. */
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  /** One line per parameter test: the database's name and its table count. */
  static final List<String> SEEN_AS_PARAMETER = new CopyOnWriteArrayList<>();

  /** Run by the launcher only (nested classes are not test classes of their own). */
  static class UsesFields {

    @CarriersDatabase(locations = "classpath:db/kit-test") static TestDatabase shared;

    @CarriersDatabase(locations = "classpath:db/kit-test") TestDatabase perTest;

    @CarriersDatabase(migrate = false) DataSource empty;

    @Test
    void first() throws SQLException {
      see();
    }

    @Test
    void second() throws SQLException {
      see();
    }

    @Test
    void withAParameter(@CarriersDatabase(migrate = false) TestDatabase parameter) throws SQLException {
      SEEN_AS_PARAMETER.add(parameter.name() + " " + Catalog.tables(parameter.dataSource()));
    }

    private void see() throws SQLException {
      SEEN.add(shared.name() + " " + perTest.name() + " " + Catalog.scalar(empty, "select current_database()") + " "
          + Catalog.tables(perTest.dataSource()) + " " + Catalog.tables(empty));
    }
  }

  static class UsesAFinalField {

    @CarriersDatabase final TestDatabase database = null;

    @Test
    void never() {
    }
  }

  private final PostgresServer server = PostgresServer.resolve();

  @Test
  void instanceFields_getADatabasePerTest_staticFieldsOnePerClass_parametersOnePerCall_allDroppedAfterwards()
      throws Exception {
    SEEN.clear();
    SEEN_AS_PARAMETER.clear();
    TestExecutionSummary summary = run(UsesFields.class);

    assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(3);
    assertThat(SEEN).hasSize(2);
    assertThat(SEEN_AS_PARAMETER).hasSize(1);
    String[] first = SEEN.get(0).split(" ");
    String[] second = SEEN.get(1).split(" ");
    assertThat(second[0]).as("the static field's database is the class's").isEqualTo(first[0]);
    assertThat(second[1]).as("each test its own clone").isNotEqualTo(first[1]);
    assertThat(second[2]).as("each test its own empty database").isNotEqualTo(first[2]);
    assertThat(first[3]).as("notes and flyway_schema_history").isEqualTo("2");
    assertThat(first[4]).as("nothing migrated").isEqualTo("0");
    String[] parameter = SEEN_AS_PARAMETER.get(0).split(" ");
    assertThat(parameter[1]).as("the parameter's database is empty").isEqualTo("0");
    for (String name : List.of(first[0], first[1], first[2], second[1], second[2], parameter[0])) {
      assertThat(Catalog.exists(server, name)).as(name + " dropped").isFalse();
    }
  }

  @Test
  void aFinalField_isRefusedWithAMessageSayingWhy() {
    TestExecutionSummary summary = run(UsesAFinalField.class);

    assertThat(summary.getTotalFailureCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException())
        .hasMessage("@CarriersDatabase field UsesAFinalField.database must be a non-final TestDatabase or DataSource");
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder text = new StringBuilder();
    summary.getFailures().forEach(failure -> text.append(failure.getException()).append('\n'));
    return text.toString();
  }
}
