package dev.workflowengine.ollama;

import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

/** Checks shared by the request records. */
final class Requests {

  private Requests() {}

  static void checkTopLogprobs(int top) {
    if (top < 0 || top > 20) {
      throw new IllegalArgumentException("topLogprobs must be from 0 to 20 but was " + top);
    }
  }

  static void checkLogprobs(boolean logprobs, OptionalInt topLogprobs) {
    if (topLogprobs.isPresent()) {
      checkTopLogprobs(topLogprobs.getAsInt());
      if (!logprobs) {
        throw new IllegalArgumentException(
            "topLogprobs is set but logprobs is false; Ollama returns alternatives only with"
                + " logprobs");
      }
    }
  }

  /** Ollama names blobs {@code sha256:} followed by 64 lower-case hex digits. */
  static String requireDigest(String digest, String name) {
    Checks.requireText(digest, name);
    if (!digest.matches("sha256:[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          name
              + " '"
              + digest
              + "' is not a blob digest; digests look like 'sha256:' followed by 64 hex digits");
    }
    return digest;
  }

  /** An image file's bytes as base64, the form Ollama takes images in. */
  static String encodeImage(byte[] image) {
    Objects.requireNonNull(image, "image");
    if (image.length == 0) {
      throw new IllegalArgumentException("image is empty");
    }
    return Base64.getEncoder().encodeToString(image);
  }

  static void requireBase64(String image) {
    Objects.requireNonNull(image, "image");
    for (int i = 0; i < image.length(); i++) {
      char c = image.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/'
              || c == '=';
      if (!ok) {
        throw new IllegalArgumentException(
            "image is not base64 (character '"
                + c
                + "' at "
                + i
                + "); pass raw bytes to Builder.image(byte[]) to have them encoded");
      }
    }
  }
}
