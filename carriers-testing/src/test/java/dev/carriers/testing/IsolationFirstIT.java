package dev.carriers.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** With {@link IsolationSecondIT}: each class sees only the rows it wrote. */
@CarriersDatabase(locations = "classpath:db/kit-test")
class IsolationFirstIT {

  @Test
  void seesOnlyItsOwnRows(DataSource dataSource, TestDatabase database) throws Exception {
    assertThat(database.name()).startsWith("carriers_tmp_");
    IsolationSupport.writeAndSeeOnlyOwnRow(dataSource, "First");
  }
}
