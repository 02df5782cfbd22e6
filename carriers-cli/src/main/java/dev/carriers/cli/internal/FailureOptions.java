package dev.carriers.cli.internal;

import dev.carriers.schema.monitoring.MigrationEvent;
import dev.carriers.schema.monitoring.MigrationListener;
import dev.carriers.schema.monitoring.MigrationOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * The alerting hooks of {@code migrate}: on failure, {@code --on-failure-file} writes a JSON event
 * and {@code --on-failure-exec} runs a shell command (with the event in its environment and on its
 * standard input). A hook that fails is reported on standard error; it never changes the exit code.
 *
 * <p>One instance per invocation; not thread-safe.
 */
public final class FailureOptions {

  /** How long the {@code --on-failure-exec} command may run. */
  static final long EXEC_TIMEOUT_SECONDS = 60;

  @Option(names = "--on-failure-exec", paramLabel = "COMMAND",
      description = "On failure, run COMMAND with 'sh -c' (60 s at most). It gets the JSON event on standard"
          + " input and CARRIERS_EVENT (the JSON), CARRIERS_EVENT_FILE (when --on-failure-file is set),"
          + " CARRIERS_EXIT_CODE, CARRIERS_ERROR and CARRIERS_FAILED_VERSION in its environment.")
  private String exec;

  @Option(names = "--on-failure-file", paramLabel = "PATH",
      description = "On failure, write the JSON event to PATH (replacing it atomically).")
  private Path file;

  private MigrationEvent lastFailure;

  /** Creates the options; picocli calls this. */
  public FailureOptions() {
  }

  /** Returns whether a hook is configured. */
  boolean isSet() {
    return exec != null || file != null;
  }

  /** Returns a listener that remembers the failed migration, for the event. */
  MigrationListener listener() {
    return new MigrationListener() {
      @Override
      public void onFailure(MigrationEvent event) {
        if (event.outcome() == MigrationOutcome.FAILED) {
          lastFailure = event;
        }
      }
    };
  }

  /**
   * Runs the hooks for a failure.
   *
   * @param command the subcommand, such as {@code migrate}
   * @param database the database, without password
   * @param report the failure as the user sees it (line and exit code)
   * @param mask masks passwords in what is written
   * @param err where a failing hook is reported
   */
  void fire(String command, String database, ErrorReport report, SecretMask mask, PrintWriter err) {
    if (!isSet()) {
      return;
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event", "carriers." + command + ".failed");
    event.put("command", command);
    event.put("database", mask.apply(database));
    event.put("exitCode", report.exitCode().code());
    event.put("error", mask.apply(report.line()));
    event.put("version", lastFailure == null ? null : lastFailure.version());
    event.put("script", lastFailure == null ? null : lastFailure.script());
    event.put("sqlState", lastFailure == null ? null : lastFailure.sqlState());
    event.put("attempts", lastFailure == null ? null : lastFailure.attempt());
    event.put("durationMillis", lastFailure == null ? null : lastFailure.duration().toMillis());
    event.put("host", hostName());
    event.put("timestamp", Instant.now().toString());
    String json = Json.write(event) + "\n";
    if (file != null) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".carriers-event", ".json");
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        err.println("carriers: --on-failure-file: could not write " + file + ": " + e.getMessage());
      }
    }
    if (exec != null) {
      run(json, event, err);
    }
    err.flush();
  }

  private void run(String json, Map<String, Object> event, PrintWriter err) {
    ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", exec)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> environment = builder.environment();
    environment.put("CARRIERS_EVENT", json.strip());
    environment.put("CARRIERS_EXIT_CODE", String.valueOf(event.get("exitCode")));
    environment.put("CARRIERS_ERROR", String.valueOf(event.get("error")));
    environment.put("CARRIERS_FAILED_VERSION", event.get("version") == null ? "" : event.get("version").toString());
    if (file != null) {
      environment.put("CARRIERS_EVENT_FILE", file.toAbsolutePath().toString());
    }
    try {
      Process process = builder.start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(json.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // The command need not read its input.
      }
      if (!process.waitFor(EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        err.println("carriers: --on-failure-exec: the command ran longer than " + EXEC_TIMEOUT_SECONDS
            + " s and was stopped");
      } else if (process.exitValue() != 0) {
        err.println("carriers: --on-failure-exec: the command exited with " + process.exitValue());
      }
    } catch (IOException e) {
      err.println("carriers: --on-failure-exec: could not run the command: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("carriers: --on-failure-exec: interrupted");
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return null;
    }
  }
}
