package dev.carriers.cli.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the log levels of one invocation: WARN by default, which keeps Flyway's INFO progress quiet;
 * INFO (DEBUG for carriers' own loggers) under {@code --verbose}. The format and the password
 * masking of log lines are in {@code logback.xml}.
 *
 * <p>Log levels are JVM-wide: invocations in one JVM should not overlap.
 */
final class Logging {

  private Logging() {
  }

  /**
   * Sets the levels; a no-op when slf4j is bound to something other than logback (when the CLI is
   * embedded in a program that logs its own way).
   *
   * @param verbose whether {@code --verbose} was given
   */
  static void configure(boolean verbose) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
      context.getLogger("dev.carriers").setLevel(verbose ? Level.DEBUG : null);
    }
  }
}
