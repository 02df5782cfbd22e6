package dev.carriers.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a database of its own, dropped afterwards: a clone of a template migrated once per
 * JVM from {@link #locations()}, or with {@code migrate = false} an empty database.
 *
 * <p>On a test class, the class gets one database, dropped after its last test; test methods,
 * constructors and lifecycle methods ({@code @BeforeAll} too) may take a {@link TestDatabase} or a
 * {@link javax.sql.DataSource} parameter to use it:
 * <pre>{@code
 * @CarriersDatabase
 * class CarrierQueriesIT {
 *   @Test
 *   void countsRows(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>On a field of type {@link TestDatabase} or {@link javax.sql.DataSource}, as JUnit's
 * {@code @TempDir} is: an instance field gets a new database before each test method, dropped after
 * it; a static field gets one for the class, dropped after its last test. For tests that change
 * the schema, or that must start from a database nobody else wrote to:
 * <pre>{@code
 * class MigrateIT {
 *   @CarriersDatabase(migrate = false) TestDatabase database;
 *
 *   @Test
 *   void appliesEveryMigration() { migrate(database.dataSource()); ... }
 * }
 * }</pre>
 *
 * <p>On a parameter of type {@link TestDatabase} or {@link javax.sql.DataSource} (of a test method,
 * say): a database for that call, dropped after it. For the one test of a class that needs another
 * database than the rest:
 * <pre>{@code
 * @Test
 * void seed_refusesAnUnmigratedDatabase(@CarriersDatabase(migrate = false) DataSource empty) { ... }
 * }</pre>
 *
 * <p>To seed the template as well, register {@link CarriersDatabaseExtension} with an initializer
 * instead of using this annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(CarriersDatabaseExtension.class)
public @interface CarriersDatabase {

  /**
   * Flyway locations of the migrations to apply to the template.
   *
   * @return the locations; by default the carriers schema's own, {@code classpath:db/migration}
   */
  String[] locations() default {"classpath:db/migration"};

  /**
   * Whether the database is migrated. {@code false} gives an empty database (nothing applied, the
   * {@link #locations()} ignored), for tests of migrating itself.
   *
   * @return true (the default) for a clone of the migrated template
   */
  boolean migrate() default true;
}
