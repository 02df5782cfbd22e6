package dev.carriers.lint.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes libpg_query's {@code ScanResult} protocol buffer ({@code pg_query.proto}: {@code
 * repeated ScanToken tokens = 2}; {@code ScanToken}: start = 1, end = 2, token = 4). A dozen
 * lines of wire format do not justify a protobuf runtime in the CLI's jar.
 *
 * <p>Stateless; thread-safe.
 */
public final class ScanTokens {

  /** {@code Token.IDENT} in pg_query.proto (PostgreSQL 15): an identifier, plain or double-quoted. */
  static final int IDENT = 258;

  /** {@code Token.SQL_COMMENT} in pg_query.proto (PostgreSQL 15). */
  static final int SQL_COMMENT = 275;

  /** {@code Token.C_COMMENT} in pg_query.proto (PostgreSQL 15). */
  static final int C_COMMENT = 276;

  private ScanTokens() {
  }

  /**
   * One token.
   *
   * @param start byte offset of its first byte
   * @param end byte offset just past it
   * @param kind the {@code Token} enum value
   */
  public record Token(int start, int end, int kind) {

    /** Returns whether this is a comment ({@code -- ...} or a block comment). */
    public boolean isComment() {
      return kind == SQL_COMMENT || kind == C_COMMENT;
    }
  }

  static List<Token> decode(byte[] buffer) {
    List<Token> tokens = new ArrayList<>();
    Reader reader = new Reader(buffer, 0, buffer.length);
    while (reader.hasMore()) {
      long key = reader.varint();
      int field = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      if (field == 2 && wireType == 2) {
        int length = (int) reader.varint();
        tokens.add(token(new Reader(buffer, reader.position, reader.position + length)));
        reader.position += length;
      } else {
        reader.skip(wireType);
      }
    }
    return tokens;
  }

  private static Token token(Reader reader) {
    int start = 0;
    int end = 0;
    int kind = 0;
    while (reader.hasMore()) {
      long key = reader.varint();
      int field = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      if (wireType == 0 && (field == 1 || field == 2 || field == 4)) {
        int value = (int) reader.varint();
        if (field == 1) {
          start = value;
        } else if (field == 2) {
          end = value;
        } else {
          kind = value;
        }
      } else {
        reader.skip(wireType);
      }
    }
    return new Token(start, end, kind);
  }

  private static final class Reader {
    private final byte[] buffer;
    private final int limit;
    private int position;

    Reader(byte[] buffer, int position, int limit) {
      if (limit > buffer.length || position > limit) {
        throw new IllegalStateException("truncated scan result from libpg_query");
      }
      this.buffer = buffer;
      this.position = position;
      this.limit = limit;
    }

    boolean hasMore() {
      return position < limit;
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= limit) {
          throw new IllegalStateException("truncated varint in scan result from libpg_query");
        }
        byte b = buffer[position++];
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new IllegalStateException("malformed varint in scan result from libpg_query");
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> position += 8;
        case 2 -> position += (int) varint();
        case 5 -> position += 4;
        default -> throw new IllegalStateException("unexpected wire type " + wireType + " from libpg_query");
      }
    }
  }
}
