package dev.carriers.postgres.internal;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The last resort for finding a server: a PostgreSQL container, started once per JVM and stopped by
 * Testcontainers when the JVM exits. Only loaded when no explicit or local server is found, so
 * machines without Docker never touch Testcontainers; and Testcontainers is an optional dependency,
 * so without it on the class path this answers that no Docker engine is available.
 */
public final class ContainerServer {

  private static final String IMAGE = "postgres:15-alpine";

  private static PostgreSQLContainer container;

  private ContainerServer() {
  }

  /**
   * Tells whether a Docker engine answers.
   *
   * @return true if Testcontainers can start a container
   */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * Starts the container (once) and returns a JDBC URL with its credentials.
   *
   * @return the URL of the container's maintenance database
   */
  public static synchronized String start() {
    if (container == null) {
      PostgreSQLContainer started = new PostgreSQLContainer(IMAGE);
      started.start();
      container = started;
    }
    return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
        + "user=" + container.getUsername() + "&password=" + container.getPassword();
  }
}
