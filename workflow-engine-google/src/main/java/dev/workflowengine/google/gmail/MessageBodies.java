package dev.workflowengine.google.gmail;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a message's body as plain text in the MIME part tree Gmail returns with {@code
 * format=full}: the first {@code text/plain} part that is not an attachment, depth first, else the
 * first {@code text/html} part with its tags stripped by {@link HtmlText}.
 */
final class MessageBodies {

  private static final Pattern CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");

  private MessageBodies() {}

  /** The body as text; empty when there is no text part (or no payload: format=metadata). */
  static String plainText(MessagePart payload) {
    if (payload == null) {
      return "";
    }
    Optional<MessagePart> plain = firstText(payload, "text/plain");
    if (plain.isPresent()) {
      return decodedText(plain.get());
    }
    return firstText(payload, "text/html").map(html -> HtmlText.of(decodedText(html))).orElse("");
  }

  private static Optional<MessagePart> firstText(MessagePart part, String mimeType) {
    if (mimeType.equalsIgnoreCase(part.getMimeType())
        && !isAttachment(part)
        && part.getBody() != null
        && part.getBody().getData() != null) {
      return Optional.of(part);
    }
    for (MessagePart child : nonNull(part.getParts())) {
      Optional<MessagePart> found = firstText(child, mimeType);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static boolean isAttachment(MessagePart part) {
    boolean named = part.getFilename() != null && !part.getFilename().isEmpty();
    return named
        || header(part, "Content-Disposition")
            .map(value -> value.strip().toLowerCase(Locale.ROOT).startsWith("attachment"))
            .orElse(false);
  }

  /** The part's bytes, decoded in the charset its Content-Type names (UTF-8 if none or unknown). */
  static String decodedText(MessagePart part) {
    byte[] bytes = base64Url(part.getBody().getData());
    return new String(bytes, charset(header(part, "Content-Type").orElse("")));
  }

  /**
   * Decodes Gmail's base64url body data, padded or not; standard-alphabet base64 and line breaks
   * are accepted too, since they cost nothing to allow.
   */
  static byte[] base64Url(String data) {
    String normalized = data.replaceAll("[\\s=]", "").replace('+', '-').replace('/', '_');
    return Base64.getUrlDecoder().decode(normalized);
  }

  static Charset charset(String contentType) {
    Matcher matcher = CHARSET.matcher(contentType);
    if (!matcher.find()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(matcher.group(1));
    } catch (IllegalArgumentException e) { // unknown or illegal charset name
      return StandardCharsets.UTF_8;
    }
  }

  private static Optional<String> header(MessagePart part, String name) {
    return nonNull(part.getHeaders()).stream()
        .filter(header -> name.equalsIgnoreCase(header.getName()) && header.getValue() != null)
        .map(MessagePartHeader::getValue)
        .findFirst();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
