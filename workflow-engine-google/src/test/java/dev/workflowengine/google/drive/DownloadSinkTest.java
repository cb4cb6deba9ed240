package dev.workflowengine.google.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sink that lets a retried export start over without handing the caller a byte twice. */
class DownloadSinkTest {

  @Test
  void afterAReplayTheBytesTheCallerHasAreSkippedAndTheRestPassed() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DownloadSink sink = new DownloadSink(out, "f1");

    sink.write(bytes("hello wo"), 0, 8);
    sink.replayFromStart();
    sink.write(bytes("hel"), 0, 3);
    sink.write(bytes("lo world"), 0, 8);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello world");
    assertThat(sink.delivered()).isEqualTo(11);
  }

  @Test
  void countsOnlyWhatReachedTheCaller() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DownloadSink sink = new DownloadSink(out, "f1");

    sink.write(bytes("abcdef"), 2, 3);
    sink.write('!');

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("cde!");
    assertThat(sink.delivered()).isEqualTo(4);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
