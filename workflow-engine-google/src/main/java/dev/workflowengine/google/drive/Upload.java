package dev.workflowengine.google.drive;

import static dev.workflowengine.google.drive.Checks.requireText;
import static java.util.Objects.requireNonNull;

import com.google.api.client.http.AbstractInputStreamContent;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.FileContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file to create in Google Drive with {@link GoogleDrive#upload(Upload)}: its name, MIME type,
 * folder and content. Immutable and thread-safe.
 *
 * <pre>{@code
 * DriveFile created = drive.upload(Upload.builder()
 *     .name("report.pdf")
 *     .mimeType("application/pdf")
 *     .parentFolderId("1AbC")
 *     .content(Path.of("build/report.pdf"))
 *     .build());
 * }</pre>
 *
 * <p>The content is a file or bytes, never a stream: an upload that fails half way is sent again
 * from the start, which needs content that can be read more than once.
 */
public final class Upload {

  private final String name;
  private final String mimeType;
  private final String parentFolderId;
  private final byte[] bytes;
  private final Path path;

  private Upload(Builder builder) {
    this.name = builder.name;
    this.mimeType = builder.mimeType;
    this.parentFolderId = builder.parentFolderId;
    this.bytes = builder.bytes;
    this.path = builder.path;
  }

  /**
   * Starts building an upload.
   *
   * @return a new builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The name the file gets in Drive.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The MIME type of the content.
   *
   * @return the MIME type
   */
  public String mimeType() {
    return mimeType;
  }

  /**
   * The folder the file goes into.
   *
   * @return the folder's id; absent for the user's My Drive
   */
  public Optional<String> parentFolderId() {
    return Optional.ofNullable(parentFolderId);
  }

  /** The content's length now: a file's is read again at every upload, as it may have changed. */
  long size() {
    if (bytes != null) {
      return bytes.length;
    }
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the size of " + path + " to upload it; check that it still exists", e);
    }
  }

  /** Fresh content for one attempt; both kinds can be read again if the client retries. */
  AbstractInputStreamContent newContent() {
    return bytes != null
        ? new ByteArrayContent(mimeType, bytes)
        : new FileContent(mimeType, path.toFile());
  }

  @Override
  public String toString() {
    String content = bytes != null ? bytes.length + " bytes" : path.toString();
    return "Upload[name=" + name + ", mimeType=" + mimeType + ", content=" + content + "]";
  }

  /** Builds an {@link Upload}; every setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String mimeType;
    private String parentFolderId;
    private byte[] bytes;
    private Path path;

    private Builder() {}

    /**
     * The name the file gets in Drive. Required.
     *
     * @param fileName such as {@code report.pdf}
     * @return this builder
     */
    public Builder name(String fileName) {
      this.name = requireText(fileName, "fileName");
      return this;
    }

    /**
     * The MIME type of the content. Required.
     *
     * @param type such as {@code application/pdf} or {@code text/plain}
     * @return this builder
     */
    public Builder mimeType(String type) {
      this.mimeType = requireText(type, "type");
      return this;
    }

    /**
     * The folder the file goes into; the user's My Drive when not set.
     *
     * @param folderId the folder's id
     * @return this builder
     */
    public Builder parentFolderId(String folderId) {
      this.parentFolderId = requireText(folderId, "folderId");
      return this;
    }

    /**
     * Uploads these bytes, copied now; replaces a file set before.
     *
     * @param content the content
     * @return this builder
     */
    public Builder content(byte[] content) {
      this.bytes = requireNonNull(content, "content").clone();
      this.path = null;
      return this;
    }

    /**
     * Uploads this file, read when the upload runs; replaces bytes set before.
     *
     * @param file a readable regular file
     * @return this builder
     * @throws IllegalArgumentException if it is not a readable regular file
     */
    public Builder content(Path file) {
      requireNonNull(file, "file");
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new IllegalArgumentException(
            file + " is not a readable regular file; give the path of a file to upload");
      }
      this.path = file;
      this.bytes = null;
      return this;
    }

    /**
     * Builds the upload.
     *
     * @return the upload
     * @throws IllegalStateException if the name, MIME type or content is missing
     */
    public Upload build() {
      List<String> missing = new ArrayList<>();
      if (name == null) {
        missing.add("name");
      }
      if (mimeType == null) {
        missing.add("mimeType");
      }
      if (bytes == null && path == null) {
        missing.add("content");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "an Upload needs a name, a mimeType and content (bytes or a file); set " + missing);
      }
      return new Upload(this);
    }
  }
}
