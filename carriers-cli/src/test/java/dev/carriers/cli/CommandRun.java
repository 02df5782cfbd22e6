package dev.carriers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One in-process run of the {@code carriers} command, with what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
public record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs the command with an empty environment.
   *
   * @param args the command line
   * @return the run
   */
  public static CommandRun of(String... args) {
    return withEnvironment(Map.of(), args);
  }

  /**
   * Runs the command with the given environment.
   *
   * @param environment the environment variables
   * @param args the command line
   * @return the run
   */
  public static CommandRun withEnvironment(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = CarriersCommand.run(new PrintWriter(out), new PrintWriter(err), environment, args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  /**
   * Asserts the exit code, showing the whole run (both streams) when it is another.
   *
   * @param expected the exit code the run must have ended with
   * @return this run
   */
  public CommandRun assertExitCode(ExitCode expected) {
    assertThat(exitCode).as(toString()).isEqualTo(expected.code());
    return this;
  }

  /** Returns standard output and standard error together. */
  public String all() {
    return out + err;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
