package dev.carriers.dao.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McNumbersTest {

  @Test
  void canonical_acceptsTheWaysPeopleWriteMcNumbers() {
    assertThat(McNumbers.canonical("MC-123456")).contains("123456");
    assertThat(McNumbers.canonical("mc 123456")).contains("123456");
    assertThat(McNumbers.canonical("123456")).contains("123456");
    assertThat(McNumbers.canonical(" MC#012345 ")).contains("12345");
    assertThat(McNumbers.canonical("12-34-56")).contains("123456");
    assertThat(McNumbers.canonical("12345678")).contains("12345678");
  }

  @Test
  void canonical_rejectsWhatIsNoMcNumber() {
    assertThat(McNumbers.canonical(null)).isEmpty();
    assertThat(McNumbers.canonical("  ")).isEmpty();
    assertThat(McNumbers.canonical("0")).isEmpty();
    assertThat(McNumbers.canonical("000")).isEmpty();
    assertThat(McNumbers.canonical("123456789")).isEmpty();
    assertThat(McNumbers.canonical("DOT 123")).isEmpty();
    assertThat(McNumbers.canonical("12a")).isEmpty();
  }

  @Test
  void clean_keepsNonCanonicalRemainders_forValidationToReport() {
    assertThat(McNumbers.clean("MC 12a")).isEqualTo("12A");
    assertThat(McNumbers.clean("000")).isEqualTo("0");
    assertThat(McNumbers.clean(" ")).isNull();
    assertThat(McNumbers.isCanonical("0123")).isFalse();
    assertThat(McNumbers.isCanonical("123")).isTrue();
  }

  @Test
  void canonical_agreesWithClean_onEveryShapeOfInput() {
    String[] parts = {"", " ", "MC", "mc", "Mc", "-", "#", ":", "0", "00", "1", "12", "9", "a", "M", "C", "\t"};
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 50_000; round++) {
      StringBuilder input = new StringBuilder();
      for (int n = random.nextInt(7); n > 0; n--) {
        input.append(parts[random.nextInt(parts.length)]);
      }
      String text = input.toString();
      String cleaned = McNumbers.clean(text);
      java.util.Optional<String> expected = McNumbers.isCanonical(cleaned) ? java.util.Optional.of(cleaned)
          : java.util.Optional.empty();
      assertThat(McNumbers.canonical(text)).as("\"" + text + "\"").isEqualTo(expected);
    }
  }
}
