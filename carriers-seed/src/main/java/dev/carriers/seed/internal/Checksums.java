package dev.carriers.seed.internal;

import dev.carriers.seed.SeedRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The dataset checksum and the per-row content hash the database compares with. Thread-safe. */
public final class Checksums {

  /**
   * The SQL expression computing {@link #contentHash} of a {@code carriers} row aliased {@code c}.
   * Status and MC number never contain a newline, so the encoding is unambiguous.
   */
  public static final String CONTENT_HASH_SQL =
      "md5(convert_to(%1$s.status::text || E'\\n' || coalesce(%1$s.mc_number, '') || E'\\n' || %1$s.name, 'UTF8'))::uuid";

  private Checksums() {
  }

  /**
   * Returns the content checksum of rows.
   *
   * @param rows the rows, in order
   * @return lowercase hex SHA-256
   */
  public static String datasetChecksum(List<SeedRow> rows) {
    MessageDigest digest = digest("SHA-256");
    for (SeedRow row : rows) {
      digest.update(row.key().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(row.name().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      if (row.mcNumber() != null) {
        digest.update(row.mcNumber().getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
      digest.update(row.status().getLiteral().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Returns the hash of what a row writes to {@code carriers}, as {@link #CONTENT_HASH_SQL}
   * computes it in the database.
   *
   * @param row the row
   * @return the md5 as a UUID
   */
  public static UUID contentHash(SeedRow row) {
    MessageDigest digest = digest("MD5");
    String text = row.status().getLiteral() + '\n' + (row.mcNumber() == null ? "" : row.mcNumber())
        + '\n' + row.name();
    byte[] md5 = digest.digest(text.getBytes(StandardCharsets.UTF_8));
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (md5[i] & 0xff);
      low = (low << 8) | (md5[i + 8] & 0xff);
    }
    return new UUID(high, low);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
