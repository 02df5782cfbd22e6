package dev.carriers.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.testing.CarriersDatabase;
import dev.carriers.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every migration has a reverse script, and the reverse scripts, newest first, undo everything. */
class RollbackScriptsIT {

  @Test
  void everyMigrationHasAReverseScriptOfTheSameName() throws IOException {
    assertThat(names("db/rollback")).containsExactlyElementsOf(names("db/migration"));
  }

  @Test
  void reverseScripts_newestFirst_leaveNothingBehind(@CarriersDatabase(migrate = false) TestDatabase database)
      throws Exception {
    CarriersMigrations.configure().dataSource(database.dataSource()).load().migrate();
    assertThat(objects(database)).contains("table carriers", "extension pg_trgm", "index carriers_name_trgm_idx");

    List<String> newestFirst = names("db/migration").stream()
        .sorted(Comparator.comparingInt(RollbackScriptsIT::version).reversed())
        .toList();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String name : newestFirst) {
        statement.execute(read("db/rollback/" + name));
      }
    }

    assertThat(objects(database)).isEmpty();
  }

  private static List<String> objects(TestDatabase database) throws SQLException {
    String sql = "select 'table ' || relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        + " where n.nspname = 'public' and c.relkind = 'r' and relname <> 'flyway_schema_history'"
        + " union all select 'index ' || relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        + " where n.nspname = 'public' and c.relkind = 'i' and relname not like 'flyway%'"
        + " union all select 'type ' || typname from pg_type t join pg_namespace n on n.oid = t.typnamespace"
        + " where n.nspname = 'public' and t.typtype = 'e'"
        + " union all select 'function ' || proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
        + " where n.nspname = 'public' and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')"
        + " union all select 'extension ' || extname from pg_extension where extname <> 'plpgsql'";
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> found = new java.util.ArrayList<>();
      while (rows.next()) {
        found.add(rows.getString(1));
      }
      return found;
    }
  }

  private static int version(String name) {
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  // The sources, not the class path: failsafe runs against the packaged jar.
  private static final Path RESOURCES = Path.of("src/main/resources");

  private static List<String> names(String folder) throws IOException {
    try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted().toList();
    }
  }

  private static String read(String resource) throws IOException {
    return Files.readString(RESOURCES.resolve(resource), StandardCharsets.UTF_8);
  }
}
