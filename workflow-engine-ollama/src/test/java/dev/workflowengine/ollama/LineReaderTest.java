package dev.workflowengine.ollama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void splitsLinesSkippingBlanksAndCountingEveryLine() throws IOException {
    LineReader reader = reader("{\"a\":1}\n\n  \r\n{\"b\":2}\r\n{\"c\":3}");

    List<String> lines = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    while (reader.next()) {
      lines.add(new String(reader.bytes(), 0, reader.length(), UTF_8));
      numbers.add(reader.number());
    }

    assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    assertThat(numbers).containsExactly(1L, 4L, 5L);
  }

  @Test
  void growsForLongLinesAndKeepsMultiByteCharacters() throws IOException {
    String longLine = "x".repeat(100_000) + "é漢🙂";
    LineReader reader = reader(longLine + "\n");

    assertThat(reader.next()).isTrue();
    assertThat(new String(reader.bytes(), 0, reader.length(), UTF_8)).isEqualTo(longLine);
    assertThat(reader.preview(3)).isEqualTo("xxx...");
    assertThat(reader.next()).isFalse();
  }

  @Test
  void aLineWithoutNewlineBeyondTheLimitIsRefused() {
    LineReader reader = new LineReader(new Buffer().writeUtf8("y".repeat(2_000)), 1_024);

    assertThatThrownBy(reader::next)
        .isInstanceOf(LineReader.LineTooLongException.class)
        .hasMessageContaining("line 1 is longer than 1024 bytes");
  }

  @Test
  void anEmptyBodyHasNoLines() throws IOException {
    assertThat(reader("").next()).isFalse();
  }

  private static LineReader reader(String body) {
    return new LineReader(new Buffer().writeUtf8(body));
  }
}
