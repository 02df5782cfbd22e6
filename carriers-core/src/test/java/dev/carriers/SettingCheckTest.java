package dev.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingCheckTest {

  @Test
  void count_returnsASensibleValue_andRejectsOthersSayingWhatWould() {
    assertThat(SettingCheck.count("maxPoolSize", 1, 1, 100)).isEqualTo(1);
    assertThat(SettingCheck.count("maxPoolSize", 100, 1, 100)).isEqualTo(100);
    assertThatThrownBy(() -> SettingCheck.count("maxPoolSize", 0, 1, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPoolSize 0 makes no sense: use 1 to 100");
    assertThatThrownBy(() -> SettingCheck.count("prefetch", 17, 0, 16))
        .hasMessage("prefetch 17 makes no sense: use 0 to 16");
  }

  @Test
  void duration_checksBothBounds_withTheRangeAsAUserReadsIt() {
    Duration ten = Duration.ofSeconds(10);
    assertThat(SettingCheck.duration("idleTimeout", ten, ten, Duration.ofDays(1), "10 s to 1 day")).isSameAs(ten);
    assertThatThrownBy(() -> SettingCheck.duration("a lock wait of", Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofHours(1), "1 s to 1 h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a lock wait of PT0S makes no sense: use 1 s to 1 h");
    assertThatThrownBy(() -> SettingCheck.duration("connectionTimeout", Duration.ofMinutes(6), Duration.ofMillis(250),
        Duration.ofMinutes(5), "250 ms (HikariCP's minimum) to 5 minutes"))
        .hasMessage("connectionTimeout PT6M makes no sense: use 250 ms (HikariCP's minimum) to 5 minutes");
  }

  @Test
  void notBlank_rejectsNullAndBlank_sayingWhy() {
    assertThat(SettingCheck.notBlank("poolName", "carriers", "it names the pool")).isEqualTo("carriers");
    assertThatThrownBy(() -> SettingCheck.notBlank("applied-by", " ", "name a person or job"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a blank applied-by makes no sense: name a person or job");
    assertThatThrownBy(() -> SettingCheck.notBlank("poolName", null, "it names the pool"))
        .hasMessage("a blank poolName makes no sense: it names the pool");
  }

  @Test
  void lists_wantNoBlankEntry_andNonEmptyAtLeastOne() {
    assertThat(SettingCheck.noneBlank("migration location")).isEmpty();
    assertThat(SettingCheck.nonEmpty("migration location", "a", "b")).containsExactly("a", "b");
    assertThatThrownBy(() -> SettingCheck.nonEmpty("rollback location"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no rollback locations makes no sense: give at least one");
    assertThatThrownBy(() -> SettingCheck.noneBlank("migration location", "a", " "))
        .hasMessage("a blank migration location makes no sense: [a,  ]");
    assertThatThrownBy(() -> SettingCheck.nonEmpty("migration location", "a", null))
        .hasMessage("a blank migration location makes no sense: [a, null]");
  }

  @Test
  void require_isTheOnePhrase() {
    SettingCheck.require(true, "anything", "never said");
    assertThatThrownBy(() -> SettingCheck.require(false, "\"99\" lock-timeout retries", "use 0 to 10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"99\" lock-timeout retries makes no sense: use 0 to 10");
  }
}
