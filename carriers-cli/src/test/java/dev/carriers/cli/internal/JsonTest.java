package dev.carriers.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void escapesEverythingThatNeedsIt() throws Exception {
    String nasty = "quote\" backslash\\ newline\n tab\t cr\r nul\0 bell\u0007 sep\u2028 emoji\uD83D\uDE9A end";
    String json = Json.write(Map.of("text", nasty));
    assertThat(json).doesNotContain("\n tab").contains("\\u0000", "\\u0007", "\\u2028", "\uD83D\uDE9A");
    assertThat(MAPPER.readTree(json).get("text").asText()).isEqualTo(nasty);
  }

  @Test
  void objects_makesOneObjectPerItem_withItsFieldsInOrder() {
    List<Object> array = Json.objects(List.of("ab", "c"), (text, object) -> {
      object.put("text", text);
      object.put("length", text.length());
    });
    assertThat(Json.write(array)).isEqualTo("[\n  {\n    \"text\": \"ab\",\n    \"length\": 2\n  },\n"
        + "  {\n    \"text\": \"c\",\n    \"length\": 1\n  }\n]");
    assertThat(Json.write(Json.objects(List.of(), (item, object) -> object.put("never", item)))).isEqualTo("[]");
  }

  @Test
  void escapesLoneSurrogates() {
    assertThat(Json.write("a\uD800b\uDC00")).isEqualTo("\"a\\ud800b\\udc00\"");
  }

  @Test
  void writesNestedValuesInOrder() throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("b", 1);
    document.put("a", Arrays.asList(true, null, 2.5, "x", List.of(), Map.of()));
    String json = Json.write(document);
    assertThat(json).startsWith("{\n  \"b\": 1,\n  \"a\": [");
    JsonNode tree = MAPPER.readTree(json);
    assertThat(tree.get("a").size()).isEqualTo(6);
    assertThat(tree.get("a").get(1).isNull()).isTrue();
  }

  @Test
  void rejectsWhatJsonCannotSay() {
    assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class);
  }
}
