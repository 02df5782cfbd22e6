package dev.carriers.dao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of carriers-dao: a DAO built without a registry must work
 * with no Micrometer on the class path, and must not even try to load one of its classes. The test
 * runs {@link WithoutMicrometerScenario} in a class loader of its own over the test class path that
 * refuses every {@code io.micrometer} class and records each request.
 */
class WithoutMicrometerIT {

  /** Loads classes itself (child first) from the class path, except Micrometer's, which it refuses. */
  private static final class NoMicrometerLoader extends URLClassLoader {

    final Set<String> refused = ConcurrentHashMap.newKeySet();

    NoMicrometerLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.micrometer.")) {
        refused.add(name);
        throw new ClassNotFoundException(name + " (hidden by the test)");
      }
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void aDaoWithoutARegistry_works_andNeverLoadsMicrometer(@CarriersDatabase TestDatabase database) throws Exception {
    List<URL> urls = new ArrayList<>();
    // Failsafe starts the JVM on a manifest-only jar and names the real class path in this property.
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.contains("micrometer")) {
        urls.add(toUrl(entry));
      }
    }
    try (NoMicrometerLoader loader = new NoMicrometerLoader(urls.toArray(new URL[0]))) {
      assertThat(loader.loadClass("dev.carriers.dao.Carriers").getClassLoader()).isSameAs(loader);
      @SuppressWarnings("unchecked")
      Function<String, String> scenario = (Function<String, String>) loader
          .loadClass(WithoutMicrometerScenario.class.getName()).getConstructor().newInstance();

      String outcome = scenario.apply(database.jdbcUrlWithCredentials());

      assertThat(outcome).isEqualTo("created, found, listed 1, counted 1, in a transaction 2, healthy, deleted");
      assertThat(loader.refused).as("Micrometer classes the DAO asked for").isEmpty();
    }
  }

  private static URL toUrl(String entry) {
    try {
      return new File(entry).toURI().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
