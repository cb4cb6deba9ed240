package dev.workflowengine.core.credentials;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Keys, vaults and byte searches shared by the vault tests. */
final class VaultFixtures {

  private static final SecureRandom RANDOM = new SecureRandom();

  private VaultFixtures() {}

  static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static byte[] newKey() {
    return randomBytes(32);
  }

  static CredentialVault vault(MapCredentialStore store, String keyId, byte[] key) {
    return CredentialVault.builder().store(store).key(keyId, key).build();
  }

  /** The key id written in a stored value, read by the documented layout. */
  static String keyIdOf(byte[] stored) {
    return new String(stored, 2, stored[1] & 0xFF, UTF_8);
  }

  /** Whether {@code needle} occurs anywhere in {@code haystack}. */
  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Text forms a leaked key could take in a message: hex, Base64, Arrays.toString. */
  static List<String> renderings(byte[] key) {
    List<String> forms = new ArrayList<>();
    forms.add(HexFormat.of().formatHex(key));
    forms.add(HexFormat.of().withUpperCase().formatHex(key));
    forms.add(Base64.getEncoder().encodeToString(key));
    forms.add(Arrays.toString(key));
    return forms;
  }
}
