package dev.carriers.testing;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * JUnit 5 extension behind {@link CarriersDatabase}: fresh databases cloned from a template that is
 * built once per JVM (see {@link TestDatabaseFactory}), one per test class, or one per annotated
 * field or parameter.
 *
 * <p>Registered through the annotation, or programmatically to seed the template too:
 * <pre>{@code
 * @RegisterExtension
 * static final CarriersDatabaseExtension DB = new CarriersDatabaseExtension(
 *     TestDatabaseFactory.configure()
 *         .locations("classpath:db/migration")
 *         .initializer("seed:testing:1", dataSource -> seed(dataSource)));
 * }</pre>
 * A programmatically registered extension gives the class one database; annotated fields and
 * parameters are served by the extension their annotation registers.
 *
 * <p>Thread-safe; one instance may serve test classes running in parallel.
 */
public final class CarriersDatabaseExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CarriersDatabaseExtension.class);

  private final TestDatabaseFactory.Configuration configuration;

  /** The databases created for the annotated fields and parameters of one context, dropped when it ends. */
  private static final class Created {
    private final List<TestDatabase> databases = new ArrayList<>();
  }

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
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    if (hasClassDatabase(context)) {
      TestDatabaseFactory.Configuration forClass = configuration != null ? configuration
          : configurationFor(AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CarriersDatabase.class)
              .orElseThrow());
      context.getStore(NAMESPACE).put(TestDatabase.class, TestDatabaseFactory.shared(forClass).create());
    }
    injectFields(context, context.getRequiredTestClass(), null);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectFields(context, instance.getClass(), instance);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    dropCreated(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      dropCreated(context);
    } finally {
      TestDatabase database = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
      if (database != null) {
        database.close();
      }
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
    if (type != TestDatabase.class && type != DataSource.class) {
      return false;
    }
    // An annotated parameter is served by the extension its annotation registers; a plain one
    // only where the class has a database, leaving these types to other resolvers elsewhere.
    return parameter.isAnnotated(CarriersDatabase.class) ? configuration == null : hasClassDatabase(context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<CarriersDatabase> annotation = parameter.findAnnotation(CarriersDatabase.class);
    TestDatabase database;
    if (annotation.isPresent()) {
      database = create(context, annotation.get());
    } else {
      try {
        database = database(context);
      } catch (IllegalStateException e) {
        throw new ParameterResolutionException(e.getMessage(), e);
      }
    }
    return as(parameter.getParameter().getType(), database);
  }

  private boolean hasClassDatabase(ExtensionContext context) {
    return configuration != null
        || context.getTestClass().filter(type -> AnnotationSupport.isAnnotated(type, CarriersDatabase.class)).isPresent();
  }

  /** Gives each annotated field of a class a new database: the static ones when instance is null. */
  private void injectFields(ExtensionContext context, Class<?> type, Object instance) throws IllegalAccessException {
    if (configuration != null) {
      // The extension the fields' annotation registers serves them; a second one would too.
      return;
    }
    List<Field> fields = AnnotationSupport.findAnnotatedFields(type, CarriersDatabase.class,
        field -> ModifierSupport.isStatic(field) == (instance == null));
    for (Field field : fields) {
      if ((field.getType() != TestDatabase.class && field.getType() != DataSource.class)
          || ModifierSupport.isFinal(field)) {
        throw new ExtensionConfigurationException("@CarriersDatabase field " + type.getSimpleName() + "."
            + field.getName() + " must be a non-final TestDatabase or DataSource");
      }
      TestDatabase database = create(context,
          AnnotationSupport.findAnnotation(field, CarriersDatabase.class).orElseThrow());
      field.setAccessible(true);
      field.set(instance, as(field.getType(), database));
    }
  }

  /** Creates a database for an annotated field or parameter, dropped when the context ends. */
  private static TestDatabase create(ExtensionContext context, CarriersDatabase annotation) {
    TestDatabaseFactory factory = TestDatabaseFactory.shared(configurationFor(annotation));
    TestDatabase database = annotation.migrate() ? factory.create() : factory.createEmpty();
    // Recorded at once, so that it is dropped whatever happens next; keyed by the context, because
    // a method's store would otherwise hand back its class's list.
    context.getStore(NAMESPACE).computeIfAbsent(context.getUniqueId(), key -> new Created(), Created.class)
        .databases.add(database);
    return database;
  }

  private static Object as(Class<?> type, TestDatabase database) {
    return type == DataSource.class ? database.dataSource() : database;
  }

  private static void dropCreated(ExtensionContext context) {
    Created created = context.getStore(NAMESPACE).remove(context.getUniqueId(), Created.class);
    if (created == null) {
      return;
    }
    RuntimeException failure = null;
    for (TestDatabase database : created.databases) {
      try {
        database.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static TestDatabaseFactory.Configuration configurationFor(CarriersDatabase annotation) {
    // An empty database needs no locations: every empty database comes from one factory.
    return annotation.migrate() ? TestDatabaseFactory.configure().locations(annotation.locations())
        : TestDatabaseFactory.configure();
  }
}
