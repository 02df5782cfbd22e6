package dev.carriers.cli;

import dev.carriers.cli.internal.RootCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code carriers} command: migrates and inspects a carriers database.
 *
 * <pre>{@code
 * java -jar carriers.jar migrate --create-database
 * java -jar carriers.jar status --json
 * }</pre>
 *
 * <p>The database comes from {@code --url}, else the environment variable {@code DATABASE_URL},
 * else {@link dev.carriers.DatabaseUrl#LOCAL_DEFAULT}. Errors are one line on standard error (a
 * stack trace only with {@code --verbose}) and an exit code from {@link ExitCode}; passwords never
 * appear in the output.
 *
 * <p>Only {@link #main} exits the JVM; {@link #run(PrintWriter, PrintWriter, Map, String...)} returns
 * the exit code, for embedding and tests. Each call is independent, but calls share the JVM's log
 * levels, so run one at a time.
 */
public final class CarriersCommand {

  private CarriersCommand() {
  }

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command line, such as {@code migrate --url postgresql://...}
   */
  public static void main(String... args) {
    System.exit(run(args));
  }

  /**
   * Runs the command on the process's standard output, standard error and environment.
   *
   * @param args the command line
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(String... args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    return run(out, err, System.getenv(), args);
  }

  /**
   * Runs the command with the given output streams and environment.
   *
   * @param out where results go
   * @param err where errors go
   * @param environment the environment variables to consult ({@code DATABASE_URL})
   * @param args the command line
   * @return the exit code, one of {@link ExitCode}
   */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> environment,
      String... args) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(args, "args");
    try {
      return RootCommand.commandLine(out, err, environment, args).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
