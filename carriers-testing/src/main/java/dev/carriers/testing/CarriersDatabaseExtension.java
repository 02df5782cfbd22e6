package dev.carriers.testing;

import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link CarriersDatabase}: one fresh database per test class, cloned from
 * a template that is built once per JVM (see {@link TestDatabaseFactory}).
 *
 * <p>Registered through the annotation, or programmatically to seed the template too:
 * <pre>{@code
 * @RegisterExtension
 * static final CarriersDatabaseExtension DB = new CarriersDatabaseExtension(
 *     TestDatabaseFactory.configure()
 *         .locations("classpath:db/migration")
 *         .initializer("seed:testing:1", dataSource -> seed(dataSource)));
 * }</pre>
 *
 * <p>Thread-safe; one instance may serve test classes running in parallel.
 */
public final class CarriersDatabaseExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CarriersDatabaseExtension.class);

  private final TestDatabaseFactory.Configuration configuration;

  /** Creates the extension for {@link CarriersDatabase}, configured by the annotation. */
  public CarriersDatabaseExtension() {
    this.configuration = null;
  }

  /**
   * Creates the extension with an explicit configuration.
   *
   * @param configuration what to clone
   */
  public CarriersDatabaseExtension(TestDatabaseFactory.Configuration configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    TestDatabaseFactory factory = TestDatabaseFactory.shared(configurationFor(context));
    context.getStore(NAMESPACE).put(TestDatabase.class, factory.create());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase database = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
    if (database != null) {
      database.close();
    }
  }

  /**
   * Returns the database of the test class running in a context.
   *
   * @param context a class- or method-level context
   * @return the class's database
   * @throws IllegalStateException outside a class that uses this extension
   */
  public static TestDatabase database(ExtensionContext context) {
    for (ExtensionContext current = context; current != null;
        current = current.getParent().orElse(null)) {
      TestDatabase database = current.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
      if (database != null) {
        return database;
      }
    }
    throw new IllegalStateException("No carriers test database: annotate the class with @CarriersDatabase");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase database;
    try {
      database = database(context);
    } catch (IllegalStateException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
    return parameter.getParameter().getType() == TestDatabase.class ? database : database.dataSource();
  }

  private TestDatabaseFactory.Configuration configurationFor(ExtensionContext context) {
    if (configuration != null) {
      return configuration;
    }
    String[] locations = AnnotationSupport
        .findAnnotation(context.getRequiredTestClass(), CarriersDatabase.class)
        .map(CarriersDatabase::locations)
        .orElse(new String[] {"classpath:db/migration"});
    return TestDatabaseFactory.configure().locations(locations);
  }
}
