package dev.workflowengine.google.gmail;

import static dev.workflowengine.google.gmail.GmailTestSupport.CLOCK;
import static dev.workflowengine.google.gmail.GmailTestSupport.NOW;
import static dev.workflowengine.google.gmail.GmailTestSupport.ascii;
import static dev.workflowengine.google.gmail.GmailTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The MIME the writer produces, parsed back by Jakarta Mail (Angus), a real mail library. */
class MimeWriterTest {

  private static final String SUBJECT =
      "Grüße aus Zürich – der Bericht für März ist fertig 📎, bitte prüfen und freigeben, danke!";
  private static final String TEXT = "Hallo Ada,\nim Anhang der Bericht.\r\nViele Grüße\rCharles";
  private static final String TEXT_CRLF =
      "Hallo Ada,\r\nim Anhang der Bericht.\r\nViele Grüße\r\nCharles";

  private final MimeWriter writer = new MimeWriter(CLOCK, new Random(7));

  private static byte[] pdfBytes() {
    // includes what a boundary starts with, which must not end a part early
    byte[] bytes = new byte[3000];
    new Random(42).nextBytes(bytes);
    byte[] marker = "\r\n--=_wfe_\r\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(marker, 0, bytes, 100, marker.length);
    return bytes;
  }

  private OutgoingEmail fullEmail() {
    return OutgoingEmail.builder()
        .from("Jürgen Müller <jm@example.com>")
        .to("\"Lovelace, Ada\" <ada@example.com>", "bob@example.com")
        .cc("Carol O'Neil <carol@example.com>")
        .bcc("audit@example.com")
        .replyTo("Support Team <support@example.com>")
        .subject(SUBJECT)
        .text(TEXT)
        .attach(new Attachment("Bericht März 2026 – Übersicht.pdf", "application/pdf", pdfBytes()))
        .attach(
            new Attachment(
                "notes.txt", "text/plain", "plain notes".getBytes(StandardCharsets.UTF_8)))
        .inReplyTo("<CAF-1@mail.example.com>")
        .references(List.of("<CAF-0@mail.example.com>", "CAF-1@mail.example.com"))
        .build();
  }

  @Test
  void aUtf8SubjectTextAndAttachmentsParseBackEqual() throws Exception {
    MimeMessage message = parse(writer.write(fullEmail()));

    assertThat(message.getSubject()).isEqualTo(SUBJECT);
    assertThat(message.getSentDate()).isEqualTo(Date.from(NOW));
    assertThat(mailboxes(message.getFrom())).containsExactly("Jürgen Müller|jm@example.com");
    assertThat(mailboxes(message.getRecipients(RecipientType.TO)))
        .containsExactly("Lovelace, Ada|ada@example.com", "null|bob@example.com");
    assertThat(mailboxes(message.getRecipients(RecipientType.CC)))
        .containsExactly("Carol O'Neil|carol@example.com");
    assertThat(mailboxes(message.getRecipients(RecipientType.BCC)))
        .containsExactly("null|audit@example.com");
    assertThat(mailboxes(message.getReplyTo())).containsExactly("Support Team|support@example.com");
    assertThat(message.getHeader("In-Reply-To", null)).isEqualTo("<CAF-1@mail.example.com>");
    assertThat(message.getHeader("References", " "))
        .isEqualTo("<CAF-0@mail.example.com> <CAF-1@mail.example.com>");
    assertThat(message.getHeader("MIME-Version", null)).isEqualTo("1.0");

    assertThat(message.getContentType()).startsWith("multipart/mixed;");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    Part text = parts.getBodyPart(0);
    assertThat(text.getContentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(text.getContent()).isEqualTo(TEXT_CRLF);
    Part pdf = parts.getBodyPart(1);
    assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(pdf.getFileName()).isEqualTo("Bericht März 2026 – Übersicht.pdf");
    assertThat(pdf.getContentType()).startsWith("application/pdf;");
    assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(pdfBytes());
    Part notes = parts.getBodyPart(2);
    assertThat(notes.getFileName()).isEqualTo("notes.txt");
    assertThat(notes.getInputStream().readAllBytes())
        .isEqualTo("plain notes".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyLineEndsInCrlfAndNoLineOrEncodedWordIsTooLong() {
    String mime = ascii(writer.write(fullEmail()));

    assertThat(mime.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    assertThat(mime).endsWith("\r\n");
    assertThat(mime.split("\r\n"))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    Matcher words = Pattern.compile("=\\?[^?]+\\?[BQ]\\?[^?]*\\?=").matcher(mime);
    int count = 0;
    while (words.find()) {
      assertThat(words.group().length()).isLessThanOrEqualTo(75);
      count++;
    }
    assertThat(count).as("the subject needs several encoded words").isGreaterThan(3);
    assertThat(mime).contains("Subject: =?UTF-8?B?").contains("\r\n =?UTF-8?B?");
  }

  @Test
  void aPlainAsciiMessageIsOneTextPartWithReadableHeaders() {
    OutgoingEmail email =
        OutgoingEmail.builder()
            .to("Ada Lovelace <ada@example.com>")
            .subject("Engine status")
            .text("Runs.")
            .build();

    assertThat(ascii(writer.write(email)))
        .isEqualTo(
            "Date: Thu, 5 Mar 2026 09:07:02 +0000\r\n"
                + "To: Ada Lovelace <ada@example.com>\r\n"
                + "Subject: Engine status\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "UnVucy4=\r\n");
  }

  @Test
  void anHtmlAlternativeMakesMultipartAlternative() throws Exception {
    OutgoingEmail email =
        OutgoingEmail.builder()
            .to("ada@example.com")
            .subject("Hi")
            .text("Plain é")
            .html("<p>Rich é</p>")
            .build();

    MimeMessage message = parse(writer.write(email));

    assertThat(message.getContentType()).startsWith("multipart/alternative;");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Plain é");
    assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>Rich é</p>");
  }

  @Test
  void aLongNonAsciiFileNameIsSplitIntoRfc2231SegmentsAndParsesBack() throws Exception {
    String name = "Übersicht ".repeat(12) + "年度報告.pdf";
    OutgoingEmail email =
        OutgoingEmail.builder()
            .to("ada@example.com")
            .attach(new Attachment(name, "application/pdf", new byte[] {1, 2, 3}))
            .build();

    byte[] mime = writer.write(email);
    Part attachment = ((Multipart) parse(mime).getContent()).getBodyPart(1);

    assertThat(ascii(mime)).contains("filename*0*=UTF-8''").contains("filename*1*=");
    assertThat(attachment.getFileName()).isEqualTo(name);
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(new byte[] {1, 2, 3});
  }

  @Test
  void asciiSpecialsInNamesAndSubjectsAreQuotedOrEncodedNotInterpreted() throws Exception {
    OutgoingEmail email =
        OutgoingEmail.builder()
            .to("\"Ada \\\"the first\\\" L.\" <ada@example.com>")
            .subject("Looks like =?UTF-8?B?QQ==?= but is plain")
            .attach(new Attachment("a \"quoted\" name.txt", "text/plain", new byte[0]))
            .build();

    MimeMessage message = parse(writer.write(email));

    assertThat(message.getSubject()).isEqualTo("Looks like =?UTF-8?B?QQ==?= but is plain");
    assertThat(mailboxes(message.getRecipients(RecipientType.TO)))
        .containsExactly("Ada \"the first\" L.|ada@example.com");
    assertThat(((Multipart) message.getContent()).getBodyPart(1).getFileName())
        .isEqualTo("a \"quoted\" name.txt");
  }

  @Test
  void boundariesDifferBetweenMessages() {
    OutgoingEmail email =
        OutgoingEmail.builder().to("ada@example.com").text("a").html("<b>a</b>").build();
    MimeWriter unseeded = MimeWriter.standard();

    assertThat(boundary(unseeded.write(email))).isNotEqualTo(boundary(unseeded.write(email)));
  }

  private static String boundary(byte[] mime) {
    Matcher matcher = Pattern.compile("boundary=\"([^\"]+)\"").matcher(ascii(mime));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static List<String> mailboxes(Address[] addresses) {
    return Arrays.stream(addresses)
        .map(InternetAddress.class::cast)
        .map(address -> address.getPersonal() + "|" + address.getAddress())
        .toList();
  }
}
