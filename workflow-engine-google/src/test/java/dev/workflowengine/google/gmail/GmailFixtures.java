package dev.workflowengine.google.gmail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages as Gmail's API returns them, for the tests that read. */
final class GmailFixtures {

  private GmailFixtures() {}

  /**
   * A multipart/mixed message as {@code format=full} returns it: an attachment with data first
   * (which must not be taken for the body), then text/plain in ISO-8859-15 with unpadded data, and
   * text/html; a subject Gmail left as encoded words.
   */
  static String fullMessage() {
    return """
        {"id": "m1", "threadId": "t1", "labelIds": ["INBOX", "UNREAD"],
         "snippet": "Hello Charles, the engine", "internalDate": "1767225600000",
         "payload": {"partId": "", "mimeType": "multipart/mixed", "filename": "",
           "headers": [
             {"name": "From", "value": "Ada Lovelace <ada@example.com>"},
             {"name": "To", "value": "\\"Babbage, Charles\\" <charles@example.com>, bob@example.com"},
             {"name": "Cc", "value": "carol@example.com"},
             {"name": "Subject", "value": "=?UTF-8?B?R3LDvMOfZQ==?= aus =?ISO-8859-1?Q?Z=FCrich?="},
             {"name": "Date", "value": "Thu, 1 Jan 2026 00:00:00 +0000"},
             {"name": "Message-ID", "value": "<CAF-m1@mail.example.com>"},
             {"name": "References", "value": "<CAF-m0@mail.example.com>"},
             {"name": "Received", "value": "from a"},
             {"name": "received", "value": "from b"},
             {"name": "Content-Type", "value": "multipart/mixed; boundary=\\"x\\""}],
           "body": {"size": 0},
           "parts": [
             {"partId": "0", "mimeType": "text/plain", "filename": "notes.txt",
              "headers": [{"name": "Content-Type", "value": "text/plain; name=\\"notes.txt\\""},
                          {"name": "Content-Disposition", "value": "attachment; filename=\\"notes.txt\\""}],
              "body": {"size": 24, "data": "anVzdCBub3Rlcywgbm90IHRoZSBib2R5"}},
             {"partId": "1", "mimeType": "multipart/alternative", "filename": "",
              "headers": [{"name": "Content-Type", "value": "multipart/alternative; boundary=\\"y\\""}],
              "body": {"size": 0},
              "parts": [
                {"partId": "1.0", "mimeType": "text/plain", "filename": "",
                 "headers": [{"name": "Content-Type", "value": "text/plain; charset=\\"ISO-8859-15\\""}],
                 "body": {"size": 41, "data": "SGVsbG8gQ2hhcmxlcywNCnRoZSBlbmdpbmUgcnVucy4gQ2Fm6SCkNS4"}},
                {"partId": "1.1", "mimeType": "text/html", "filename": "",
                 "headers": [{"name": "Content-Type", "value": "text/html; charset=UTF-8"}],
                 "body": {"size": 27, "data": "PHA-SGVsbG8gPGI-Q2hhcmxlczwvYj48L3A-"}}]}]}}
        """;
  }

  /** The headers of {@link #fullMessage()} as the record holds them. */
  static Map<String, List<String>> fullMessageHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("From", List.of("Ada Lovelace <ada@example.com>"));
    headers.put("To", List.of("\"Babbage, Charles\" <charles@example.com>, bob@example.com"));
    headers.put("Cc", List.of("carol@example.com"));
    headers.put("Subject", List.of("Grüße aus Zürich"));
    headers.put("Date", List.of("Thu, 1 Jan 2026 00:00:00 +0000"));
    headers.put("Message-ID", List.of("<CAF-m1@mail.example.com>"));
    headers.put("References", List.of("<CAF-m0@mail.example.com>"));
    headers.put("Received", List.of("from a", "from b"));
    headers.put("Content-Type", List.of("multipart/mixed; boundary=\"x\""));
    return headers;
  }

  /** A text/html-only message with padded data, no internal date, and a Date with a comment. */
  static String htmlOnlyMessage() {
    return """
        {"id": "m2", "threadId": "t2", "labelIds": ["INBOX"], "snippet": "Invoice",
         "payload": {"partId": "", "mimeType": "text/html", "filename": "",
           "headers": [
             {"name": "From", "value": "billing@example.com"},
             {"name": "Subject", "value": "Rechnung für März"},
             {"name": "Date", "value": "Fri, 2 Jan 2026 11:00:00 +0100 (CET)"},
             {"name": "Content-Type", "value": "text/html; charset=utf-8"}],
           "body": {"size": 146, "data": "PGh0bWw-PGhlYWQ-PHN0eWxlPnB7Y29sb3I6cmVkfTwvc3R5bGU-PC9oZWFkPjxib2R5PjxoMT5JbnZvaWNlPC9oMT4KPHA-VG90YWw6IDUmbmJzcDsmIzgzNjQ7ICZhbXA7IG5vIG1vcmU8L3A-PCEtLSB4IC0tPjxkaXY-VGhhbmtzPC9kaXY-PC9ib2R5PjwvaHRtbD4="}}}
        """;
  }

  /** A message as {@code format=metadata} returns it: headers, no body. */
  static String metadataMessage() {
    return """
        {"id": "m1", "threadId": "t1", "labelIds": ["INBOX"], "snippet": "All good",
         "internalDate": "1767225600000",
         "payload": {"mimeType": "multipart/alternative",
           "headers": [{"name": "From", "value": "Ada <ada@example.com>"},
                       {"name": "Subject", "value": "Status"}]}}
        """;
  }
}
