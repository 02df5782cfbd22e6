package dev.carriers.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a database of its own: a clone of a template migrated once per JVM
 * from {@link #locations()}, dropped after the class's last test. Test methods, constructors and
 * {@code @BeforeAll} methods may take a {@link TestDatabase} or a {@link javax.sql.DataSource}.
 *
 * <pre>{@code
 * @CarriersDatabase
 * class CarrierQueriesIT {
 *   @Test
 *   void countsRows(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>To seed the template as well, register {@link CarriersDatabaseExtension} with an initializer
 * instead of using this annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CarriersDatabaseExtension.class)
public @interface CarriersDatabase {

  /**
   * Flyway locations of the migrations to apply to the template.
   *
   * @return the locations; by default the carriers schema's own, {@code classpath:db/migration}
   */
  String[] locations() default {"classpath:db/migration"};
}
