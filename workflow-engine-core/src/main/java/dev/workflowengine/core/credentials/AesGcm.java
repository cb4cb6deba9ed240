package dev.workflowengine.core.credentials;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a 128-bit tag. A {@link Cipher} is not thread-safe and GCM refuses to reuse an
 * IV with the same cipher, so each call gets its own instance.
 */
final class AesGcm {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int TAG_BITS = Envelope.TAG_LENGTH * 8;

  private AesGcm() {}

  /** Encrypts; the result is the ciphertext followed by the tag. */
  static byte[] seal(SecretKey key, byte[] iv, byte[] associatedData, byte[] plaintext) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime must provide AES/GCM; reaching this means a broken JCA setup.
      throw new IllegalStateException(
          "this Java runtime cannot encrypt with " + TRANSFORMATION + ": " + e.getClass().getName(),
          e);
    }
  }

  /**
   * Decrypts and checks the tag.
   *
   * @throws GeneralSecurityException when the tag does not match: wrong key, altered bytes or other
   *     associated data
   */
  static byte[] open(SecretKey key, Envelope envelope, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(
        Cipher.DECRYPT_MODE,
        key,
        new GCMParameterSpec(TAG_BITS, envelope.bytes(), envelope.ivOffset(), Envelope.IV_LENGTH));
    cipher.updateAAD(associatedData);
    return cipher.doFinal(envelope.bytes(), envelope.sealedOffset(), envelope.sealedLength());
  }
}
