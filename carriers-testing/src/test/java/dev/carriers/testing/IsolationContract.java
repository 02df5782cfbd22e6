package dev.carriers.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The isolation test, written once: each subclass is a test class of its own, annotated with
 * {@code @CarriersDatabase}, that writes a row naming itself and must see only that row.
 */
abstract class IsolationContract {

  /** Returns the name the class writes. */
  abstract String owner();

  @Test
  void seesOnlyItsOwnRows(DataSource dataSource, TestDatabase database) throws Exception {
    assertThat(database.name()).startsWith("carriers_tmp_");
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert = connection.prepareStatement("insert into notes(body) values (?)")) {
        insert.setString(1, owner());
        insert.executeUpdate();
      }
      List<String> bodies = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select body from notes");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          bodies.add(rows.getString(1));
        }
      }
      assertThat(bodies).containsExactly(owner());
    }
  }
}
