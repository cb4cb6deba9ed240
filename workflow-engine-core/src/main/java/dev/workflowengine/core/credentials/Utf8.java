package dev.workflowengine.core.credentials;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict UTF-8 for text secrets: a secret that is not valid text is refused rather than silently
 * altered (the lenient {@code String.getBytes} would store a '?' in its place). The intermediate
 * buffers are zeroed, since they hold the secret.
 */
final class Utf8 {

  private Utf8() {}

  static byte[] encode(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
      Arrays.fill(encoded.array(), (byte) 0);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "secret is not valid text: it has an unpaired surrogate character; pass the text"
              + " without it, or pass its bytes to put(userId, name, bytes)",
          e);
    }
  }

  static String decode(byte[] bytes) throws CharacterCodingException {
    CharBuffer chars =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
    try {
      return chars.toString();
    } finally {
      Arrays.fill(chars.array(), '\0');
    }
  }
}
