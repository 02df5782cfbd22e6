package dev.carriers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carriers.postgres.PostgresServer;
import dev.carriers.testing.internal.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDatabaseFactoryIT {

  private final PostgresServer server = PostgresServer.resolve();

  @Test
  void create_clonesTheMigratedTemplate_andCloseDropsIt() throws Exception {
    TestDatabaseFactory factory = TestDatabaseFactory.configure().locations("classpath:db/kit-test").load();
    String name;
    try (TestDatabase database = factory.create()) {
      name = database.name();
      assertThat(Catalog.tables(database.dataSource())).isEqualTo(2); // notes and flyway_schema_history
    }
    assertThat(Catalog.exists(server, name)).isFalse();
  }

  @Test
  void template_isBuiltOncePerMigrationSet_andRebuiltWhenAMigrationChanges(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("V1__create_things.sql"), "create table things (id int);");
    AtomicInteger builds = new AtomicInteger();
    TestDatabaseFactory.Configuration configuration = TestDatabaseFactory.configure()
        .locations("filesystem:" + dir)
        .initializer("count-builds:" + System.nanoTime(), dataSource -> builds.incrementAndGet());
    String first = configuration.load().template();
    String again = configuration.load().template();
    assertThat(again).isEqualTo(first);
    assertThat(builds).hasValue(1);

    Files.writeString(dir.resolve("V1__create_things.sql"), "create table things (id bigint);");
    String edited = configuration.load().template();
    assertThat(edited).isNotEqualTo(first);
    assertThat(builds).hasValue(2);

    Templates.on(server).drop(first);
    Templates.on(server).drop(edited);
  }

  @Test
  void template_leftHalfBuiltByACrash_isBuiltAgain(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("V1__create_things.sql"), "create table things (id int);");
    TestDatabaseFactory.Configuration configuration = TestDatabaseFactory.configure()
        .locations("filesystem:" + dir)
        .initializer("half-built:" + System.nanoTime(), dataSource -> { });
    String name = configuration.load().template();
    // What a crash between CREATE DATABASE and marking it a template leaves: an ordinary database.
    Templates.on(server).drop(name);
    try (Connection admin = server.connect(server.maintenanceDatabase());
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    }
    assertThat(configuration.load().template()).isEqualTo(name);
    try (TestDatabase clone = configuration.load().create()) {
      assertThat(Catalog.tables(clone.dataSource())).isEqualTo(2);
    }
    Templates.on(server).drop(name);
  }

  @Test
  void createEmpty_hasNoTables() throws Exception {
    try (TestDatabase database = TestDatabaseFactory.configure().load().createEmpty()) {
      assertThat(Catalog.tables(database.dataSource())).isZero();
    }
  }

  @Test
  void sweep_dropsTemplatesUnusedForAWeek_keepsRecentOnes_andStartsTheClockOnUnmarkedOnes()
      throws Exception {
    Templates templates = Templates.on(server);
    String stale = Templates.PREFIX + "5ta1e00000000001";
    String recent = Templates.PREFIX + "2ecen700000000001";
    String unmarked = Templates.PREFIX + "0a2ced0000000001";
    try (Connection admin = server.connect(server.maintenanceDatabase());
        Statement statement = admin.createStatement()) {
      for (String name : new String[] {stale, recent, unmarked}) {
        templates.drop(name);
        statement.execute("create database " + name + " is_template true");
      }
      statement.execute("comment on database " + stale
          + " is 'carriers-testing template, last used 2026-01-01T00:00:00Z'");
      statement.execute("comment on database " + recent
          + " is 'carriers-testing template, last used " + java.time.Instant.now() + "'");
    }
    try {
      assertThat(templates.sweepStale(java.time.Duration.ofDays(7)))
          .contains(stale).doesNotContain(recent, unmarked);
      assertThat(Catalog.exists(server, stale)).isFalse();
      assertThat(Catalog.exists(server, recent)).isTrue();
      assertThat(Catalog.exists(server, unmarked)).isTrue();
      // The unmarked one now carries a last use, so it ages from here.
      try (Connection admin = server.connect(server.maintenanceDatabase());
          PreparedStatement comment = admin.prepareStatement(
              "select shobj_description(oid, 'pg_database') from pg_database where datname = ?")) {
        comment.setString(1, unmarked);
        try (ResultSet rows = comment.executeQuery()) {
          rows.next();
          assertThat(rows.getString(1)).startsWith("carriers-testing template, last used ");
        }
      }
    } finally {
      templates.drop(recent);
      templates.drop(unmarked);
    }
  }

  @Test
  void configuration_rejectsBlankLocationsAndInitializerIds() {
    assertThatThrownBy(() -> TestDatabaseFactory.configure().locations(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank migration location");
    assertThatThrownBy(() -> TestDatabaseFactory.configure().initializer("", dataSource -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-blank id");
  }
}
