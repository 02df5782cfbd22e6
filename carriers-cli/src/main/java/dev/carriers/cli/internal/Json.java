package dev.carriers.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes JSON (RFC 8259) from maps, lists, strings, numbers, booleans and nulls, indented by two
 * spaces. Small on purpose: the CLI writes a few documents and needs no JSON library in its jar.
 *
 * <p>Stateless; thread-safe.
 */
final class Json {

  // The characters JSON escapes with a backslash and a letter (RFC 8259, section 7), and the letter
  // of each, at the same index.
  private static final String SHORT_ESCAPED = "\"\\\n\r\t\b\f";
  private static final String SHORT_ESCAPES = "\"\\nrtbf";

  private Json() {
  }

  /**
   * Writes a value as JSON.
   *
   * @param value a {@code Map<String, ?>} (written in its iteration order), {@code List<?>},
   *     {@link CharSequence}, {@link Number}, {@link Boolean} or null
   * @return the JSON text, without a trailing newline
   * @throws IllegalArgumentException for any other type, or a non-finite number
   */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.toString();
  }

  /**
   * Turns items into a JSON array of objects, one per item, for {@link #write}.
   *
   * @param items the items, in the order they are written
   * @param fields puts one item's fields into its object, in the order they are written
   * @param <T> the items' type
   * @return the array
   */
  static <T> List<Object> objects(Collection<? extends T> items, BiConsumer<? super T, Map<String, Object>> fields) {
    List<Object> array = new ArrayList<>(items.size());
    for (T item : items) {
      Map<String, Object> object = new LinkedHashMap<>();
      fields.accept(item, object);
      array.add(object);
    }
    return array;
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      quote(text, out);
    } else if (value instanceof Boolean bool) {
      out.append(bool.booleanValue());
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException("JSON has no " + number);
      }
      out.append(value);
    } else if (value instanceof Number number) {
      out.append(number);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(map, out, depth);
    } else if (value instanceof List<?> list) {
      writeArray(list, out, depth);
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      if (!(entry.getKey() instanceof String name)) {
        throw new IllegalArgumentException("JSON object names are strings, not " + entry.getKey());
      }
      newline(out, depth + 1);
      quote(name, out);
      out.append(": ");
      write(entry.getValue(), out, depth + 1);
      if (entries.hasNext()) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append('}');
  }

  private static void writeArray(List<?> list, StringBuilder out, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      newline(out, depth + 1);
      write(list.get(i), out, depth + 1);
      if (i < list.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  /**
   * Writes a JSON string: quotes, backslashes and control characters escaped; U+2028, U+2029 (so the
   * output is also valid JavaScript) and lone surrogates too.
   */
  private static void quote(CharSequence text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int shortEscape = SHORT_ESCAPED.indexOf(c);
      if (shortEscape >= 0) {
        out.append('\\').append(SHORT_ESCAPES.charAt(shortEscape));
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
        // A lone surrogate cannot be encoded as UTF-8, but JSON can carry it escaped.
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

}
