package dev.carriers.dao.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class McNumbersTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(ignoreLeadingAndTrailingWhitespace = false, value = {
      "MC-123456,123456", "mc 123456,123456", "123456,123456", " MC#012345 ,12345", "12-34-56,123456",
      "12345678,12345678"})
  void canonical_acceptsTheWaysPeopleWriteMcNumbers(String typed, String canonical) {
    assertThat(McNumbers.canonical(typed)).contains(canonical);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullSource
  @ValueSource(strings = {"  ", "0", "000", "123456789", "DOT 123", "12a"})
  void canonical_rejectsWhatIsNoMcNumber(String typed) {
    assertThat(McNumbers.canonical(typed)).isEmpty();
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
