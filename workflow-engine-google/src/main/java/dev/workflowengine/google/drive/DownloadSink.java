package dev.workflowengine.google.drive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The caller's output stream as one download writes to it across attempts: it counts the bytes
 * delivered, so a retry can ask Drive for the rest only ({@link #delivered()}) or, where Drive
 * cannot send a range, skip what the caller already has ({@link #replayFromStart()}). The caller
 * never sees a byte twice.
 *
 * <p>A failure of the caller's stream is not Google's: it becomes an {@link UncheckedIOException},
 * which {@code GoogleWorkspace.call} neither maps nor retries. Not thread-safe; one per download.
 */
final class DownloadSink extends OutputStream {

  private final OutputStream out;
  private final String fileId;
  private long delivered;
  private long toSkip;

  DownloadSink(OutputStream out, String fileId) {
    this.out = out;
    this.fileId = fileId;
  }

  /** How many bytes reached the caller's stream. */
  long delivered() {
    return delivered;
  }

  /** The next attempt starts from byte 0: drop the bytes the caller already has. */
  void replayFromStart() {
    toSkip = delivered;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    int skipped = (int) Math.min(toSkip, length);
    toSkip -= skipped;
    if (skipped == length) {
      return;
    }
    try {
      out.write(bytes, offset + skipped, length - skipped);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the content of Drive file '"
              + fileId
              + "' to the given output stream after "
              + delivered
              + " bytes; check where the stream leads (disk full, closed socket)",
          e);
    }
    delivered += length - skipped;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not flush the output stream of file " + fileId, e);
    }
  }
}
