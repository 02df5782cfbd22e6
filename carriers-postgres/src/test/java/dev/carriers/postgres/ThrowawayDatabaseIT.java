package dev.carriers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carriers.SqlStateClass;
import dev.carriers.postgres.internal.AdminSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ThrowawayDatabaseIT {

  private final PostgresServer server = PostgresServer.resolve();

  @Test
  void create_makesAnEmptyDatabaseNamedForThisRun_andCloseDropsIt() throws Exception {
    String name;
    try (ThrowawayDatabase database = ThrowawayDatabase.create(server)) {
      name = database.name();
      assertThat(name).startsWith(AdminSession.DATABASE_PREFIX + AdminSession.of(server).runName() + "_");
      assertThat(exists(name)).isTrue();
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(
              "select count(*) from information_schema.tables where table_schema = 'public'")) {
        rows.next();
        assertThat(rows.getInt(1)).isZero();
      }
      assertThat(database.jdbcUrl()).isEqualTo(server.jdbcUrl(name)).doesNotContain("user=");
    }
    assertThat(exists(name)).isFalse();
  }

  @Test
  void sweep_dropsDatabasesOfDeadRuns_butNotThoseOfLiveRuns() throws Exception {
    AdminSession session = AdminSession.of(server);
    String dead = AdminSession.DATABASE_PREFIX + "0badc0de_1";
    String live = AdminSession.DATABASE_PREFIX + "0000beef_1";
    try (Connection admin = server.connect(server.maintenanceDatabase());
        Connection liveOwner = server.connect(server.maintenanceDatabase())) {
      try (Statement statement = admin.createStatement()) {
        statement.execute("drop database if exists " + dead);
        statement.execute("drop database if exists " + live);
        statement.execute("create database " + dead);
        statement.execute("create database " + live);
      }
      // Another JVM's lease: the lock its run id names, held by a live connection.
      try (Statement statement = liveOwner.createStatement()) {
        statement.execute("select pg_advisory_lock(" + 0x43415231 + ", " + 0x0000beef + ")");
      }
      assertThat(session.sweepOrphans()).contains(dead).doesNotContain(live);
      assertThat(exists(dead)).isFalse();
      assertThat(exists(live)).isTrue();
    } finally {
      session.drop(live);
    }
  }

  @Test
  void sweep_neverDropsThisRunsOwnDatabases() throws Exception {
    try (ThrowawayDatabase mine = ThrowawayDatabase.create(server)) {
      assertThat(AdminSession.of(server).sweepOrphans()).doesNotContain(mine.name());
      assertThat(exists(mine.name())).isTrue();
    }
  }

  // Whether the server still has the database: connecting to a missing one fails with 3D000.
  private boolean exists(String name) throws SQLException {
    try (Connection connection = server.connect(name)) {
      return connection.isValid(3);
    } catch (SQLException e) {
      if (SqlStateClass.of(e) == SqlStateClass.DATABASE_MISSING) {
        return false;
      }
      throw e;
    }
  }
}
