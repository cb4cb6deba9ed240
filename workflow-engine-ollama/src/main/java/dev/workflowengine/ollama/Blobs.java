package dev.workflowengine.ollama;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** {@code HEAD} and {@code POST /api/blobs/:digest}: model files for {@code /api/create}. */
final class Blobs {

  private static final MediaType OCTETS = MediaType.get("application/octet-stream");

  private Blobs() {}

  static boolean exists(Calls calls, String digest) {
    Request request = calls.request("api/blobs/" + digest).head().build();
    try {
      calls.read(calls.management(request, null), true, body -> null);
      return true;
    } catch (OllamaException e) {
      if (e.httpStatus().orElse(0) == 404) {
        return false;
      }
      throw e;
    }
  }

  static String upload(Calls calls, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("cannot upload " + file + ": it is not a readable file");
    }
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to compute its digest", e);
    }
    String digest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
    send(calls, digest, RequestBody.create(file.toFile(), OCTETS));
    return digest;
  }

  static String upload(Calls calls, byte[] bytes) {
    String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    send(calls, digest, RequestBody.create(bytes.clone(), OCTETS));
    return digest;
  }

  private static void send(Calls calls, String digest, RequestBody body) {
    Request request = calls.request("api/blobs/" + digest).post(body).build();
    calls.read(new CallSpec(request, Purpose.UPLOAD, null), true, response -> null);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
