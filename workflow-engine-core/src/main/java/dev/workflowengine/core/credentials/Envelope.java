package dev.workflowengine.core.credentials;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;

/**
 * The stored form of one credential (see {@link CredentialVault} for the layout): writes it, and
 * parses it back into the key id and the offsets of the IV and the sealed bytes without copying
 * them. Parsing checks the structure only; the tag check in {@link AesGcm} catches the rest.
 */
final class Envelope {

  static final int VERSION = 1;
  static final int IV_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private final byte[] bytes;
  private final String keyId;
  private final int headerLength;

  private Envelope(byte[] bytes, String keyId, int headerLength) {
    this.bytes = bytes;
    this.keyId = keyId;
    this.headerLength = headerLength;
  }

  /** The version byte, the key id's length and the key id: what precedes the IV. */
  static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(UTF_8);
    byte[] header = new byte[2 + id.length];
    header[0] = (byte) VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  static byte[] join(byte[] header, byte[] iv, byte[] sealed) {
    return ByteBuffer.allocate(header.length + iv.length + sealed.length)
        .put(header)
        .put(iv)
        .put(sealed)
        .array();
  }

  /**
   * The associated data: the header, then the user id and the name, each length-prefixed so that no
   * two (user, name) pairs produce the same bytes.
   */
  static byte[] associatedData(byte[] header, int headerLength, String userId, String name) {
    byte[] user = userId.getBytes(UTF_8);
    byte[] credential = name.getBytes(UTF_8);
    return ByteBuffer.allocate(headerLength + 4 + user.length + 4 + credential.length)
        .put(header, 0, headerLength)
        .putInt(user.length)
        .put(user)
        .putInt(credential.length)
        .put(credential)
        .array();
  }

  static Envelope parse(byte[] stored, String userId, String name) {
    if (stored.length < 2) {
      throw CredentialErrors.malformed(
          userId, name, null, "it has " + stored.length + " bytes, fewer than any vault value");
    }
    int version = stored[0] & 0xFF;
    if (version != VERSION) {
      throw CredentialErrors.unsupportedVersion(userId, name, version, VERSION);
    }
    int idLength = stored[1] & 0xFF;
    int headerLength = 2 + idLength;
    if (stored.length < headerLength) {
      throw CredentialErrors.malformed(
          userId, name, null, "it ends inside the key id (" + stored.length + " bytes)");
    }
    String keyId = new String(stored, 2, idLength, UTF_8);
    if (!CredentialIds.isValidKeyId(keyId)) {
      throw CredentialErrors.malformed(userId, name, null, "its key id is not a valid key id");
    }
    int minimum = headerLength + IV_LENGTH + TAG_LENGTH;
    if (stored.length < minimum) {
      throw CredentialErrors.malformed(
          userId,
          name,
          keyId,
          "it has "
              + stored.length
              + " bytes but a value under this key id has at least "
              + minimum);
    }
    return new Envelope(stored, keyId, headerLength);
  }

  String keyId() {
    return keyId;
  }

  byte[] bytes() {
    return bytes;
  }

  int headerLength() {
    return headerLength;
  }

  int ivOffset() {
    return headerLength;
  }

  int sealedOffset() {
    return headerLength + IV_LENGTH;
  }

  int sealedLength() {
    return bytes.length - sealedOffset();
  }
}
