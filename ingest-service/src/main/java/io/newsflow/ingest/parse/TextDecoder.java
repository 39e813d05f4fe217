package io.newsflow.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file's bytes to text, or says why they are not text. UTF-8 unless a UTF-16 byte order
 * mark says otherwise; a few invalid UTF-8 bytes (a stray Latin-1 character) become U+FFFD, many
 * mean the input is binary or in another encoding and it is rejected.
 */
final class TextDecoder {

  /** Invalid UTF-8 bytes tolerated per thousand bytes. */
  private static final int MAX_INVALID_PER_MILLE = 10;
  private static final char REPLACEMENT = '\uFFFD';

  /** Either text or the reason there is none. */
  record Decoded(String text, String failure) {
  }

  private TextDecoder() {
  }

  static Decoded decode(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return checked(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return checked(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
    }
    // The JDK's own decoding is compiled and vectorised long before ours would be; valid UTF-8 (the
    // usual case) decodes to the same text, so only input with replacement characters takes the slow path.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) < 0) {
      return checked(text);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
    long invalid = 0;
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      // Counting each bad sequence ourselves is what lets us tell a stray byte from binary data.
      invalid += r.length();
      in.position(in.position() + r.length());
      out.put(REPLACEMENT);
    }
    decoder.flush(out);
    if (invalid * 1000 > (long) MAX_INVALID_PER_MILLE * bytes.length) {
      return new Decoded(null, "not UTF-8 text: " + invalid + " of " + bytes.length
          + " bytes are invalid UTF-8 (more than " + MAX_INVALID_PER_MILLE / 10.0 + "%)");
    }
    out.flip();
    return checked(out.toString());
  }

  /** Drops a leading byte order mark, so format sniffing sees the first real character. */
  private static Decoded checked(String text) {
    String binary = TextCheck.binaryReason(text);
    if (binary != null) {
      return new Decoded(null, binary);
    }
    return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
  }
}
