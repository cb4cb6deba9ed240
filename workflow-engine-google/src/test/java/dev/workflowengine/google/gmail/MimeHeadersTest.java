package dev.workflowengine.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoded words and folding, written and read. */
class MimeHeadersTest {

  @Test
  void encodedWordsNeverSplitACharacterAndJoinBackToTheText() {
    String text = "😀".repeat(40) + "é".repeat(33);

    List<String> words = MimeHeaders.encodedWords(text);

    StringBuilder joined = new StringBuilder();
    for (String word : words) {
      assertThat(word).startsWith("=?UTF-8?B?").endsWith("?=");
      assertThat(word.length()).isLessThanOrEqualTo(MimeHeaders.MAX_ENCODED_WORD);
      byte[] bytes = Base64.getDecoder().decode(word.substring(10, word.length() - 2));
      String decoded = new String(bytes, StandardCharsets.UTF_8);
      assertThat(decoded).doesNotContain("\uFFFD"); // a split character would decode as U+FFFD
      joined.append(decoded);
    }
    assertThat(words).hasSizeGreaterThan(4);
    assertThat(joined.toString()).isEqualTo(text);
  }

  @Test
  void plainAsciiStaysReadableAndFoldsAtSpaces() {
    String subject = "word ".repeat(30).strip();

    String header = MimeHeaders.header("Subject", MimeHeaders.text(subject));

    assertThat(header).doesNotContain("=?");
    assertThat(header.split("\r\n"))
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(76));
    assertThat(header.replace("\r\n", "")).isEqualTo("Subject: " + subject);
  }

  @Test
  void aTrailingSpaceAtTheFoldNeverMakesALineOfOnlyWhitespace() {
    // "Subject: " and two words of 33 fill the line to exactly 76: the trailing space must not
    // fold onto a line of its own, which readers may take for the end of the headers
    String subject = "a".repeat(33) + " " + "b".repeat(33) + " ";

    String header = MimeHeaders.header("Subject", MimeHeaders.text(subject));

    assertThat(header.split("\r\n")).noneSatisfy(line -> assertThat(line).isBlank());
    assertThat(header.replace("\r\n", "")).isEqualTo("Subject: " + subject);
  }

  @Test
  void anEmptySubjectIsAnEmptyHeader() {
    assertThat(MimeHeaders.header("Subject", MimeHeaders.text(""))).isEqualTo("Subject:\r\n");
  }

  @Test
  void decodesBAndQWordsJoiningAdjacentOnesAndKeepingUnknownCharsets() {
    assertThat(
            MimeHeaders.decodeEncodedWords("=?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?Q?_aus_Z=C3=BCrich?="))
        .isEqualTo("Grüße aus Zürich");
    assertThat(MimeHeaders.decodeEncodedWords("Re: =?iso-8859-1?q?caf=E9?= ok"))
        .isEqualTo("Re: café ok");
    assertThat(MimeHeaders.decodeEncodedWords("=?x-unknown?B?QQ==?="))
        .isEqualTo("=?x-unknown?B?QQ==?=");
    assertThat(MimeHeaders.decodeEncodedWords("plain")).isEqualTo("plain");
  }
}
