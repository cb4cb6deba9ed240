package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Checks of the values an {@link OutgoingEmail} puts in headers. Above all no value may hold CR or
 * LF: one written by a model or a user could otherwise add headers (a {@code Bcc}) of its own.
 */
final class HeaderValues {

  private HeaderValues() {}

  /** Refuses CR, LF and other control characters, which could start a header of their own. */
  static String requireNoControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        throw new IllegalArgumentException(
            field
                + " must not contain control characters such as CR or LF (found U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + "); they would start a new mail header");
      }
    }
    return value;
  }

  /** Each address checked and trimmed; see {@link Addresses#require}. */
  static List<String> addresses(String field, List<String> addresses) {
    requireNonNull(addresses, field);
    return addresses.stream().map(address -> Addresses.require(field, address)).toList();
  }

  /** A Message-ID, in angle brackets (added when missing). */
  static String messageId(String field, String id) {
    requireNonNull(id, field);
    String trimmed = id.strip();
    boolean bracketed = trimmed.startsWith("<") && trimmed.endsWith(">");
    boolean bare = trimmed.indexOf('<') < 0 && trimmed.indexOf('>') < 0;
    if (trimmed.isEmpty()
        || !(bracketed || bare)
        || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          field
              + " must be a Message-ID such as <CAF123@mail.gmail.com> (ASCII, no spaces or"
              + " control characters) but was '"
              + id
              + "'");
    }
    return bracketed ? trimmed : "<" + trimmed + ">";
  }

  /** A Gmail thread id: not blank, no control characters. */
  static String threadId(String threadId) {
    requireNonNull(threadId, "threadId");
    if (threadId.isBlank()) {
      throw new IllegalArgumentException("threadId must not be blank");
    }
    return requireNoControlCharacters("threadId", threadId);
  }
}
