package dev.carriers.dao.stats.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check's queries measured, before it is judged against the thresholds: its subjects, each
 * with a value in the check's unit, the words for its summary, and the fix.
 *
 * <p>Not thread-safe; built by one check on one thread.
 */
final class Measurement {

  /** One measured thing. */
  record Subject(String name, double value, String detail, Map<String, Object> attributes) {
  }

  final List<Subject> subjects = new ArrayList<>();
  String noun;
  String none;
  String fix;
  String unavailable;
  String note;

  /**
   * Starts a measurement.
   *
   * @param noun what its subjects are, in the plural, for the summary ({@code unused indexes})
   * @param none the summary when there are none ({@code no unused index})
   * @param fix what to do about what it finds
   */
  Measurement(String noun, String none, String fix) {
    this.noun = noun;
    this.none = none;
    this.fix = fix;
  }

  /** A measurement that could not be made for a reason the fix removes (an extension missing). */
  static Measurement unavailable(String why, String fix) {
    Measurement measurement = new Measurement("", why, fix);
    measurement.unavailable = why;
    return measurement;
  }

  /**
   * Adds a subject.
   *
   * @param name such as {@code public.t_b_idx}
   * @param value in the check's unit
   * @param detail one line
   * @param attributes name, value pairs for machines
   * @return this
   */
  Measurement add(String name, double value, String detail, Object... attributes) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      map.put((String) attributes[i], attributes[i + 1]);
    }
    subjects.add(new Subject(name, value, detail, map));
    return this;
  }

  /** Adds a sentence to the summary, such as {@code statistics since 2026-11-25}. */
  Measurement note(String text) {
    this.note = text;
    return this;
  }
}
