package dev.workflowengine.core.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Where chunks end and how far they overlap, on texts whose boundaries can be counted by hand. */
class ChunkerTest {

  /** Line i as exactly 59 characters, so each line with its newline takes 60. */
  private static String line(int i) {
    return String.format("line %03d ", i) + "x".repeat(50);
  }

  private static String lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(ChunkerTest::line).collect(Collectors.joining("\n"));
  }

  @Test
  void aTextThatFitsIsOneChunk() {
    assertThat(new Chunker(1000, 100).split("  short text\n")).containsExactly("short text");
  }

  @Test
  void chunksEndAtParagraphs() {
    // Paragraphs of 300 characters: three with their blank lines take 904, four would take 1206.
    List<String> paragraphs =
        IntStream.range(0, 10).mapToObj(i -> (char) ('a' + i) + "z".repeat(299)).toList();

    List<String> chunks = new Chunker(1000, 0).split(String.join("\n\n", paragraphs));

    assertThat(chunks)
        .containsExactly(
            String.join("\n\n", paragraphs.subList(0, 3)),
            String.join("\n\n", paragraphs.subList(3, 6)),
            String.join("\n\n", paragraphs.subList(6, 9)),
            paragraphs.get(9));
  }

  @Test
  void withoutParagraphsChunksEndAtLinesAndRepeatTheLinesWithinTheOverlap() {
    // 16 lines (959 chars) fit in 1000; a chunk ending at 959 restarts at the first line start at
    // or after 959 - 150 = 809, which is line 14 at 840: two lines repeat, 14 are new.
    List<String> chunks = new Chunker(1000, 150).split(lines(0, 44));

    assertThat(chunks).containsExactly(lines(0, 16), lines(14, 30), lines(28, 44));
  }

  @Test
  void aLongParagraphEndsAtASentence() {
    String sentence = "This sentence has exactly fifty characters in it. ";
    String text = sentence.repeat(30).strip(); // 1499 characters, no line breaks

    List<String> chunks = new Chunker(1000, 0).split(text);

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0)).hasSize(999).endsWith("in it.");
    assertThat(chunks.get(0) + " " + chunks.get(1)).isEqualTo(text);
  }

  @Test
  void textWithoutAnySpaceIsCutAtTheLimit() {
    List<String> chunks = new Chunker(1000, 0).split("x".repeat(2500));

    assertThat(chunks).extracting(String::length).containsExactly(1000, 1000, 500);
  }

  @Test
  void everyWordIsInSomeChunkAndNoChunkExceedsTheLimit() {
    String text =
        IntStream.range(0, 2000)
            .mapToObj(i -> "w" + i + (i % 7 == 0 ? ".\n" : i % 31 == 0 ? "\n\n" : " "))
            .collect(Collectors.joining());

    List<String> chunks = new Chunker(500, 120).split(text);

    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(500));
    String all = " " + String.join(" ", chunks).replaceAll("\\s+", " ") + " ";
    for (int i = 0; i < 2000; i++) {
      assertThat(all).contains(" w" + i + (i % 7 == 0 ? "." : "") + " ");
    }
  }

  @Test
  void spansLocateTheChunksInTheUnstrippedText() {
    String text = "\n  " + lines(0, 44) + "\n\n ";
    Chunker chunker = new Chunker(1000, 150);

    List<Integer> spans = chunker.spans(text);

    assertThat(spans).hasSize(6).startsWith(3).endsWith(text.length() - 3);
    assertThat(IntStream.range(0, 3).mapToObj(i -> Chunker.chunk(text, spans, i)))
        .containsExactly(lines(0, 16), lines(14, 30), lines(28, 44));
  }

  @Test
  void anOverlapOfHalfTheChunkOrMoreIsRefused() {
    assertThatThrownBy(() -> new Chunker(1000, 500)).isInstanceOf(IllegalArgumentException.class);
  }
}
