package dev.workflowengine.google.push;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Notifications shaped as Google sends them, and the channels they come on. */
final class PushFixtures {

  static final String USER = "u1";
  static final String CHANNEL_ID = "01234567-89ab-cdef-0123-456789abcdef";
  static final String TOKEN = "channel-token-7f3a9c2e41b8d6f0";
  static final String RESOURCE_ID = "o3hgv1538sdjfh";
  static final String CALENDAR_ID = "primary";
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant EXPIRATION = NOW.plusSeconds(3600);
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String EMAIL = "user@example.com";
  static final String GMAIL_TOKEN = "pubsub-secret-0f9e8d7c6b5a4321";
  static final String MESSAGE_ID = "2070443601311540";
  static final String SUBSCRIPTION = "projects/myproject/subscriptions/mysubscription";

  private PushFixtures() {}

  static CalendarChannel channel() {
    return CalendarChannel.of(USER, CHANNEL_ID, TOKEN, CALENDAR_ID)
        .withResourceId(RESOURCE_ID)
        .withExpiration(EXPIRATION);
  }

  /** The headers of a Calendar notification, in the case Google writes them; mutable. */
  static Map<String, String> calendarHeaders(String state, long messageNumber) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Goog-Channel-ID", CHANNEL_ID);
    headers.put("X-Goog-Channel-Token", TOKEN);
    headers.put("X-Goog-Channel-Expiration", "Sun, 01 Mar 2026 11:00:00 GMT");
    headers.put("X-Goog-Resource-ID", RESOURCE_ID);
    headers.put(
        "X-Goog-Resource-URI",
        "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json");
    headers.put("X-Goog-Resource-State", state);
    headers.put("X-Goog-Message-Number", Long.toString(messageNumber));
    return headers;
  }

  /** A Pub/Sub push envelope around a Gmail notification whose data is the given JSON. */
  static byte[] gmailEnvelope(String dataJson, String messageId) {
    String data = Base64.getEncoder().encodeToString(dataJson.getBytes(StandardCharsets.UTF_8));
    return envelope(data, messageId);
  }

  static byte[] gmailEnvelope(String emailAddress, long historyId, String messageId) {
    return gmailEnvelope(
        "{\"emailAddress\":\"" + emailAddress + "\",\"historyId\":\"" + historyId + "\"}",
        messageId);
  }

  static byte[] envelope(String data, String messageId) {
    String json =
        """
        {"message":{"data":"%s","messageId":"%s","message_id":"%s",\
        "publishTime":"2021-02-26T19:13:55.749Z","publish_time":"2021-02-26T19:13:55.749Z"},\
        "subscription":"%s"}"""
            .formatted(data, messageId, messageId, SUBSCRIPTION);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
