package dev.carriers.seed;

import java.util.Locale;

/**
 * The environments a dataset is made for. Each has a bundled dataset under
 * {@code seeds/<id>/} in this jar.
 */
public enum Environment {

  /** The full dataset for working on the application: at least 10,000 generated carriers. */
  DEVELOPMENT,

  /** About 50 rows chosen for edge cases, for tests. */
  TESTING,

  /** The core reference carriers every database needs, production included. */
  PRODUCTION;

  /** Returns the id used in file paths, the seed history and the CLI: {@code development}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the environment with an id.
   *
   * @param id {@code development}, {@code testing} or {@code production}, in any case
   * @return the environment
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static Environment fromId(String id) {
    if (id != null) {
      for (Environment environment : values()) {
        if (environment.id().equalsIgnoreCase(id.strip())) {
          return environment;
        }
      }
    }
    throw new IllegalArgumentException("environment \"" + id
        + "\" is unknown: use development, testing or production");
  }
}
