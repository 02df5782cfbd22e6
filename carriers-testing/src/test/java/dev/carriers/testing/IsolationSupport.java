package dev.carriers.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Shared steps of the two isolation test classes. */
final class IsolationSupport {

  private IsolationSupport() {
  }

  /** Writes a row naming the class, then asserts that it is the only row the class can see. */
  static void writeAndSeeOnlyOwnRow(DataSource dataSource, String owner) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert = connection.prepareStatement("insert into notes(body) values (?)")) {
        insert.setString(1, owner);
        insert.executeUpdate();
      }
      List<String> bodies = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select body from notes");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          bodies.add(rows.getString(1));
        }
      }
      assertThat(bodies).containsExactly(owner);
    }
  }
}
