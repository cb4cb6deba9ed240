package dev.workflowengine.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.MessagePartHeader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body found in Gmail's part tree, decoded. */
class MessageBodiesTest {

  private static MessagePart part(String mimeType, String contentType, String data) {
    return new MessagePart()
        .setMimeType(mimeType)
        .setFilename("")
        .setHeaders(List.of(new MessagePartHeader().setName("Content-Type").setValue(contentType)))
        .setBody(new MessagePartBody().setData(data));
  }

  @Test
  void base64UrlDecodesPaddedUnpaddedAndStandardAlphabet() {
    byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x3e};
    byte[] one = {(byte) 0xfb};

    assertThat(MessageBodies.base64Url("-_8-")).isEqualTo(bytes);
    assertThat(MessageBodies.base64Url("+/8+")).isEqualTo(bytes);
    assertThat(MessageBodies.base64Url("-w==")).isEqualTo(one);
    assertThat(MessageBodies.base64Url("-w")).isEqualTo(one);
    assertThat(MessageBodies.base64Url("-_\r\n8-")).isEqualTo(bytes);
  }

  @Test
  void theCharsetComesFromTheContentTypeWithUtf8WhenMissingOrUnknown() {
    assertThat(MessageBodies.charset("text/plain; charset=\"windows-1252\""))
        .isEqualTo(Charset.forName("windows-1252"));
    assertThat(MessageBodies.charset("text/plain;CHARSET=iso-8859-1; format=flowed"))
        .isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(MessageBodies.charset("text/plain")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(MessageBodies.charset("text/plain; charset=x-no-such"))
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void plainTextIsPreferredOverHtmlEvenWhenHtmlComesFirst() {
    MessagePart root =
        new MessagePart()
            .setMimeType("multipart/alternative")
            .setParts(
                List.of(
                    part("text/html", "text/html", "PGI-aHRtbDwvYj4"),
                    part("text/plain", "text/plain; charset=UTF-8", "cGxhaW4")));

    assertThat(MessageBodies.plainText(root)).isEqualTo("plain");
  }

  @Test
  void noTextPartAndNoPayloadAreAnEmptyBody() {
    MessagePart image = part("image/png", "image/png", "iVBORw0");

    assertThat(MessageBodies.plainText(image)).isEmpty();
    assertThat(MessageBodies.plainText(null)).isEmpty();
  }

  @Test
  void htmlBecomesReadableText() {
    String html =
        "<html><head><title>t</title></head><body><script>alert(1)</script>"
            + "<p>Dear   Ada,</p><p>Line one<br>line two</p><ul><li>first</li><li>second</li></ul>"
            + "<p>&lt;tag&gt; &quot;q&quot; &#x263A; &#9731; &unknown;</p></body></html>";

    assertThat(HtmlText.of(html))
        .isEqualTo("Dear Ada,\nLine one\nline two\n\n- first\n- second\n<tag> \"q\" ☺ ☃ &unknown;");
  }
}
