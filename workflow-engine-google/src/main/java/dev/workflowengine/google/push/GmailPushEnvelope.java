package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Secrets.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.workflowengine.google.push.PushVerificationException.Reason;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The Gmail notification inside a Pub/Sub push request, read from the wire format:
 *
 * <pre>{@code
 * {"message": {"data": "<base64 of {"emailAddress": "...", "historyId": "..."}>",
 *              "messageId": "...", "message_id": "...",
 *              "publishTime": "2021-02-26T19:13:55.749Z", "publish_time": "..."},
 *  "subscription": "projects/myproject/subscriptions/mysubscription"}
 * }</pre>
 *
 * <p>Pub/Sub writes the message fields in both camel and snake case; either is enough. Gmail has
 * sent {@code historyId} both as a JSON string and as a number; both are read.
 */
record GmailPushEnvelope(
    String emailAddress,
    String historyId,
    String messageId,
    Instant publishTime,
    String subscription) {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * Reads a push request's body.
   *
   * @throws PushVerificationException with {@link Reason#MALFORMED} if it is not a Pub/Sub push
   *     envelope holding a Gmail notification
   */
  static GmailPushEnvelope parse(byte[] body) {
    JsonNode root = readObject(body, "the request body");
    JsonNode message = root.path("message");
    if (!message.isObject()) {
      throw malformed("the request body has no \"message\" object");
    }
    String subscription = text(root, "subscription", "subscription");
    String messageId = text(message, "message.messageId", "messageId", "message_id");
    Instant publishTime =
        instant(text(message, "message.publishTime", "publishTime", "publish_time"));
    JsonNode data = readObject(base64(text(message, "message.data", "data")), "message.data");
    return new GmailPushEnvelope(
        text(data, "message.data's emailAddress", "emailAddress"),
        historyId(data.path("historyId")),
        messageId,
        publishTime,
        subscription);
  }

  private static JsonNode readObject(byte[] json, String what) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(what + " is not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw malformed(what + " could not be read (" + e.getMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw malformed(what + " is not a JSON object");
    }
    return node;
  }

  /** The first of the fields that holds text, or a MALFORMED naming {@code what}. */
  private static String text(JsonNode node, String what, String... fields) {
    for (String field : fields) {
      JsonNode value = node.path(field);
      if (value.isTextual() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    throw malformed(what + " is missing or not a string");
  }

  private static byte[] base64(String data) {
    try {
      return Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException standard) {
      // Pub/Sub writes standard base64; a relay may have re-encoded it URL-safe
      try {
        return Base64.getUrlDecoder().decode(data);
      } catch (IllegalArgumentException urlSafe) {
        throw malformed("message.data is not base64 (" + standard.getMessage() + ")");
      }
    }
  }

  private static Instant instant(String time) {
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw malformed("message.publishTime " + quote(time) + " is not an RFC 3339 time");
    }
  }

  private static String historyId(JsonNode value) {
    Optional<String> digits =
        Optional.of(value)
            .filter(node -> node.isTextual() || node.isIntegralNumber())
            .map(JsonNode::asText)
            .filter(GmailChange::isHistoryId);
    return digits.orElseThrow(
        () ->
            malformed(
                value.isMissingNode()
                    ? "message.data has no historyId"
                    : "message.data's historyId " + quote(value.toString()) + " is not a number"));
  }

  private static PushVerificationException malformed(String what) {
    return new PushVerificationException(
        Reason.MALFORMED,
        "not a Gmail push notification: "
            + what
            + "; the endpoint takes the body Pub/Sub pushes for a Gmail watch, unchanged");
  }
}
