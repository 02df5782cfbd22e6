package dev.carriers.cli.internal;

import java.io.PrintWriter;

/**
 * A command that acts on its own failure (the alerting hooks of {@code migrate}): {@link ErrorHandler}
 * tells it the failure as classified for the user, once, before printing it.
 */
interface FailureHook {

  /**
   * Called when the command failed.
   *
   * @param report the line and exit code the user sees
   * @param mask masks passwords in what the hook writes
   * @param err where a failing hook is reported
   */
  void failed(ErrorReport report, SecretMask mask, PrintWriter err);
}
