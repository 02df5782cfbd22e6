package dev.carriers.codegen;

import dev.carriers.postgres.PostgresServer;
import dev.carriers.postgres.ThrowawayDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.jooq.Constants;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Strategy;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes of the carriers schema from the migrations, on a real PostgreSQL.
 *
 * <p>Creates a {@link ThrowawayDatabase} on the server found by {@link PostgresServer#resolve()}, applies
 * the migrations with Flyway, runs jOOQ's generator against it and drops it, even on failure (and a
 * database left by a killed build is dropped by the next one). The generated sources are skipped when
 * a stamp shows that neither the migrations nor this generator changed since the last run.
 *
 * <p>Usage: {@code CarriersCodegen <migrations dir> <target dir> <package> <stamp file>}.
 */
public final class CarriersCodegen {

  private CarriersCodegen() {
  }

  /**
   * Runs the generator.
   *
   * @param args migrations directory, target directory, target package, stamp file
   * @throws Exception when generation fails; the build stops with its message
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: CarriersCodegen <migrations dir> <target dir> <package> <stamp file>");
    }
    Path migrations = Path.of(args[0]).toAbsolutePath();
    Path target = Path.of(args[1]).toAbsolutePath();
    String packageName = args[2];
    Path stamp = Path.of(args[3]).toAbsolutePath();

    String inputs = inputsChecksum(migrations, packageName);
    if (Files.isDirectory(target) && Files.exists(stamp)
        && Files.readString(stamp, StandardCharsets.UTF_8).trim().equals(inputs)) {
      System.out.println("[carriers-codegen] migrations unchanged; jOOQ sources are up to date");
      return;
    }
    generate(migrations, target, packageName);
    Files.createDirectories(stamp.getParent());
    Files.writeString(stamp, inputs + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Generates the sources into a directory.
   *
   * @param migrations the directory of Flyway SQL migrations
   * @param target the source root to (re)write
   * @param packageName the package of the generated classes
   * @throws Exception when migrating or generating fails
   */
  public static void generate(Path migrations, Path target, String packageName) throws Exception {
    PostgresServer server = PostgresServer.resolve();
    System.out.println("[carriers-codegen] applying " + migrations + " on " + server);
    try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) {
      FluentConfiguration flyway = Flyway.configure()
          .dataSource(database.dataSource())
          .locations("filesystem:" + migrations)
          .failOnMissingLocations(true);
      // Session-level lock: CREATE INDEX CONCURRENTLY would wait forever for Flyway's default
      // transactional lock, held open on a second connection.
      flyway.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
      flyway.load().migrate();
      try (Connection connection = database.dataSource().getConnection()) {
        GenerationTool tool = new GenerationTool();
        tool.setConnection(connection);
        tool.run(configuration(target, packageName));
      }
    }
  }

  static Configuration configuration(Path target, String packageName) {
    return new Configuration()
        .withGenerator(new Generator()
            .withName("org.jooq.codegen.JavaGenerator")
            .withStrategy(new Strategy().withName(SingularNamingStrategy.class.getName()))
            .withDatabase(new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema("public")
                .withIncludes(".*")
                .withExcludes("flyway_schema_history")
                .withIncludeRoutines(false)
                .withIncludeTriggerRoutines(false))
            .withGenerate(new Generate()
                .withRecords(true)
                .withPojos(false)
                .withDaos(false)
                .withJavaTimeTypes(true)
                .withGeneratedAnnotation(false)
                .withJavadoc(true)
                .withComments(true)
                .withSequences(true)
                .withKeys(true)
                .withIndexes(true))
            .withTarget(new Target()
                .withPackageName(packageName)
                .withDirectory(target.toString())
                .withClean(true)));
  }

  private static String inputsChecksum(Path migrations, String packageName) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update((Constants.VERSION + "\0" + packageName + "\0").getBytes(StandardCharsets.UTF_8));
    digest.update(fingerprintOfThisTool());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(migrations)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      digest.update(migrations.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(Files.readAllBytes(file));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] fingerprintOfThisTool() {
    // The generator's own classes take part, so a change to the naming strategy regenerates.
    try (var in = SingularNamingStrategy.class.getResourceAsStream("SingularNamingStrategy.class");
        var config = CarriersCodegen.class.getResourceAsStream("CarriersCodegen.class")) {
      byte[] a = in == null ? new byte[0] : in.readAllBytes();
      byte[] b = config == null ? new byte[0] : config.readAllBytes();
      byte[] both = new byte[a.length + b.length];
      System.arraycopy(a, 0, both, 0, a.length);
      System.arraycopy(b, 0, both, a.length, b.length);
      return both;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
