package dev.carriers.dao.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.zip.CRC32;

/**
 * Opaque keyset cursors: the last id of a page and a fingerprint of the filter that produced it,
 * with a checksum, in URL-safe base64. A cursor that was altered, truncated or made for another
 * filter does not decode. The checksum catches accidents, not attackers: a forged cursor can only
 * name another position in the same ordered list, which the caller could reach anyway.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cursor {

  private static final String VERSION = "c1";

  private Cursor() {
  }

  /**
   * Encodes a position.
   *
   * @param lastId the id of the last row returned
   * @param filterFingerprint identifies the filter the page was read with
   * @return the cursor
   */
  public static String encode(long lastId, String filterFingerprint) {
    String payload = VERSION + ":" + lastId + ":" + filterFingerprint;
    String text = payload + ":" + Long.toHexString(crc(payload));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes a position.
   *
   * @param cursor a cursor from {@link #encode}
   * @param filterFingerprint the fingerprint of the filter it is used with now
   * @return the last id, or empty when the cursor is not valid for this filter
   */
  public static OptionalLong decode(String cursor, String filterFingerprint) {
    if (cursor == null || cursor.length() > 200) {
      return OptionalLong.empty();
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    String[] parts = text.split(":", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION) || !parts[2].equals(filterFingerprint)) {
      return OptionalLong.empty();
    }
    String payload = parts[0] + ":" + parts[1] + ":" + parts[2];
    if (!Long.toHexString(crc(payload)).equals(parts[3])) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Fingerprints a filter description.
   *
   * @param description a canonical description of the filter
   * @return a short fingerprint
   */
  public static String fingerprint(String description) {
    return Long.toHexString(crc(description));
  }

  private static long crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
