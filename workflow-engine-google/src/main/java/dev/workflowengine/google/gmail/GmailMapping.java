package dev.workflowengine.google.gmail;

import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.WatchResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place Gmail's model classes become this package's records. Gmail leaves out fields it has
 * no value for, so every getter here may return null.
 */
final class GmailMapping {

  private GmailMapping() {}

  static MessagePage page(ListMessagesResponse response) {
    List<MessageSummary> messages = new ArrayList<>();
    for (Message message : nonNull(response.getMessages())) {
      messages.add(new MessageSummary(message.getId(), orEmpty(message.getThreadId())));
    }
    long estimate = response.getResultSizeEstimate() == null ? 0 : response.getResultSizeEstimate();
    return new MessagePage(messages, Optional.ofNullable(response.getNextPageToken()), estimate);
  }

  static EmailMessage message(Message message) {
    Map<String, List<String>> headers =
        headers(message.getPayload() == null ? null : message.getPayload().getHeaders());
    return new EmailMessage(
        message.getId(),
        orEmpty(message.getThreadId()),
        nonNull(message.getLabelIds()),
        first(headers, "From"),
        addresses(headers, "To"),
        addresses(headers, "Cc"),
        first(headers, "Subject"),
        date(message.getInternalDate(), first(headers, "Date")),
        orEmpty(message.getSnippet()),
        MessageBodies.plainText(message.getPayload()),
        headers);
  }

  static SentMessage sent(Message message) {
    return new SentMessage(
        message.getId(), orEmpty(message.getThreadId()), nonNull(message.getLabelIds()));
  }

  static MailboxWatch watch(WatchResponse response) {
    return new MailboxWatch(
        response.getHistoryId(), Instant.ofEpochMilli(response.getExpiration()));
  }

  /**
   * Headers by name in message order, names that differ only in case under the first spelling.
   * Values are decoded from RFC 2047 encoded words where Gmail left them encoded.
   */
  private static Map<String, List<String>> headers(List<MessagePartHeader> partHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (MessagePartHeader header : nonNull(partHeaders)) {
      if (header.getName() == null) {
        continue;
      }
      String name =
          spelling.computeIfAbsent(
              header.getName().toLowerCase(Locale.ROOT), k -> header.getName());
      String value = MimeHeaders.decodeEncodedWords(orEmpty(header.getValue()));
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return headers;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse("");
  }

  private static List<String> addresses(Map<String, List<String>> headers, String name) {
    List<String> addresses = new ArrayList<>();
    headers.forEach(
        (key, values) -> {
          if (key.equalsIgnoreCase(name)) {
            values.forEach(value -> addresses.addAll(Addresses.split(value)));
          }
        });
    return addresses;
  }

  /** Gmail's internal date when present, else the Date header when it parses. */
  private static Optional<Instant> date(Long internalDate, String dateHeader) {
    if (internalDate != null) {
      return Optional.of(Instant.ofEpochMilli(internalDate));
    }
    // RFC 5322 dates often end in a comment such as "(UTC)", which the JDK's parser refuses
    String withoutComment = dateHeader.replaceAll("\\s*\\([^)]*\\)\\s*$", "").strip();
    try {
      return Optional.of(
          ZonedDateTime.parse(withoutComment, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
