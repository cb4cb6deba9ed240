package dev.workflowengine.google.gmail;

import static dev.workflowengine.google.gmail.MimeHeaders.CRLF;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes an {@link OutgoingEmail} as an RFC 5322 / MIME message, the {@code raw} that Gmail sends.
 *
 * <p>Written by hand, not with Jakarta Mail: this module may not depend on it (DESIGN.md lists its
 * dependencies), and what Gmail needs is small. The shape: CRLF line endings; headers folded at 76
 * characters; non-ASCII subjects and display names as RFC 2047 encoded words; non-ASCII file names
 * as RFC 2231 parameters; every body part, text included, in base64 with 76-character lines, so any
 * Unicode and any line length survive and the writer needs no quoted-printable rules. A plain
 * e-mail is one {@code text/plain} part; an HTML alternative makes it {@code
 * multipart/alternative}; attachments wrap that in {@code multipart/mixed}.
 *
 * <p>Thread-safe.
 */
final class MimeWriter {

  /**
   * Every body is base64, which never holds "=_", and no header line of a part starts with "--": so
   * no line of content can be mistaken for the boundary, whatever the random part.
   */
  private static final String BOUNDARY_PREFIX = "=_wfe_";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

  private final Clock clock;
  private final Random random;

  MimeWriter(Clock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  /** A writer stamping the system clock's time, with secure-random boundaries. */
  static MimeWriter standard() {
    return new MimeWriter(Clock.systemUTC(), new SecureRandom());
  }

  /** One MIME entity: its Content-* headers (each ending in CRLF) and its body. */
  private record Entity(String headers, String body) {}

  /** The message's bytes: ASCII, since every non-ASCII character has been encoded. */
  byte[] write(OutgoingEmail email) {
    StringBuilder message = new StringBuilder();
    message.append(MimeHeaders.header("Date", List.of(DATE.format(ZonedDateTime.now(clock)))));
    email.from().ifPresent(from -> message.append(addressHeader("From", List.of(from))));
    message.append(addressHeader("To", email.to()));
    message.append(addressHeader("Cc", email.cc()));
    // Gmail delivers to Bcc recipients and removes the header from the message it sends
    message.append(addressHeader("Bcc", email.bcc()));
    message.append(addressHeader("Reply-To", email.replyTo()));
    message.append(MimeHeaders.header("Subject", MimeHeaders.text(email.subject())));
    email
        .inReplyTo()
        .ifPresent(id -> message.append(MimeHeaders.header("In-Reply-To", List.of(id))));
    if (!email.references().isEmpty()) {
      message.append(MimeHeaders.header("References", email.references()));
    }
    message.append("MIME-Version: 1.0").append(CRLF);
    Entity entity = entity(email);
    message.append(entity.headers()).append(CRLF).append(entity.body()).append(CRLF);
    return message.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String addressHeader(String name, List<String> addresses) {
    return addresses.isEmpty() ? "" : MimeHeaders.header(name, Addresses.tokens(addresses));
  }

  private Entity entity(OutgoingEmail email) {
    Entity text = textPart("text/plain", email.text());
    Entity body =
        email
            .html()
            .map(html -> multipart("alternative", List.of(text, textPart("text/html", html))))
            .orElse(text);
    if (email.attachments().isEmpty()) {
      return body;
    }
    List<Entity> parts = new ArrayList<>();
    parts.add(body);
    email.attachments().forEach(attachment -> parts.add(attachmentPart(attachment)));
    return multipart("mixed", parts);
  }

  /** Text in UTF-8 with CRLF line breaks: the canonical form RFC 2046 §4.1.1 asks for. */
  private static Entity textPart(String mimeType, String text) {
    String canonical = text.replaceAll("\r\n|\r|\n", CRLF);
    return new Entity(
        MimeHeaders.header("Content-Type", List.of(mimeType + ";", "charset=UTF-8"))
            + "Content-Transfer-Encoding: base64"
            + CRLF,
        base64(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  private static Entity attachmentPart(Attachment attachment) {
    List<String> type = withParameters(attachment.mimeType(), "name", attachment.filename());
    List<String> disposition = withParameters("attachment", "filename", attachment.filename());
    return new Entity(
        MimeHeaders.header("Content-Type", type)
            + MimeHeaders.header("Content-Disposition", disposition)
            + "Content-Transfer-Encoding: base64"
            + CRLF,
        base64(attachment.bytes()));
  }

  /** {@code value; name=...} as header tokens, the parameter possibly split in RFC 2231 parts. */
  private static List<String> withParameters(String value, String name, String parameterValue) {
    List<String> tokens = new ArrayList<>();
    tokens.add(value + ";");
    List<String> parameters = MimeHeaders.parameter(name, parameterValue);
    for (int i = 0; i < parameters.size(); i++) {
      tokens.add(parameters.get(i) + (i < parameters.size() - 1 ? ";" : ""));
    }
    return tokens;
  }

  private Entity multipart(String subtype, List<Entity> parts) {
    String boundary = boundary();
    StringBuilder body = new StringBuilder();
    for (Entity part : parts) {
      body.append("--").append(boundary).append(CRLF);
      body.append(part.headers()).append(CRLF).append(part.body()).append(CRLF);
    }
    body.append("--").append(boundary).append("--");
    String contentType = "multipart/" + subtype + ";";
    return new Entity(
        MimeHeaders.header(
            "Content-Type", List.of(contentType, "boundary=" + MimeHeaders.quoted(boundary))),
        body.toString());
  }

  private String boundary() {
    StringBuilder boundary = new StringBuilder(BOUNDARY_PREFIX);
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (int i = 0; i < 32; i++) {
      boundary.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return boundary.toString();
  }

  /** Base64 in lines of 76 characters, as RFC 2045 §6.8 requires; no line break after the last. */
  private static String base64(byte[] bytes) {
    return Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII))
        .encodeToString(bytes);
  }
}
