package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * E-mail addresses as people write them ({@code ada@example.com} or {@code Ada Lovelace
 * <ada@example.com>}): minimal validation, splitting of address lists, and header tokens.
 *
 * <p>Validation is deliberately minimal (RFC 5322 addresses are too rich to check fully, and Gmail
 * refuses what it cannot deliver) but it refuses CR and LF everywhere: they would let a value
 * written by a model or a user inject headers of its own.
 */
final class Addresses {

  /** RFC 5321 §4.5.3.1.3: the longest path an SMTP server must accept. */
  private static final int MAX_ADDRESS = 254;

  /** One address with its optional display name. */
  record Mailbox(Optional<String> name, String address) {}

  private Addresses() {}

  /**
   * Checks one address and returns it trimmed.
   *
   * @throws IllegalArgumentException naming the field when it is blank, has a control character, or
   *     is not one address
   */
  static String require(String field, String value) {
    parse(field, value);
    return value.strip();
  }

  /** Parses {@code addr} or {@code Name <addr>}; see {@link #require}. */
  static Mailbox parse(String field, String value) {
    requireNonNull(value, field);
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    HeaderValues.requireNoControlCharacters(field, trimmed);
    int open = trimmed.lastIndexOf('<');
    if (trimmed.endsWith(">") && open >= 0) {
      String name = unquoted(trimmed.substring(0, open).strip());
      String address = checkedAddress(field, trimmed.substring(open + 1, trimmed.length() - 1));
      return new Mailbox(name.isEmpty() ? Optional.empty() : Optional.of(name), address);
    }
    return new Mailbox(Optional.empty(), checkedAddress(field, trimmed));
  }

  private static String checkedAddress(String field, String address) {
    String trimmed = address.strip();
    int at = trimmed.lastIndexOf('@');
    boolean valid =
        at > 0
            && at < trimmed.length() - 1
            && trimmed.length() <= MAX_ADDRESS
            && trimmed
                .chars()
                .allMatch(c -> c > 0x20 && c < 0x7f && "<>(),;:\"[]\\".indexOf(c) < 0);
    if (!valid) {
      throw new IllegalArgumentException(
          field
              + " must be one e-mail address such as ada@example.com or Ada <ada@example.com>"
              + " (ASCII, no spaces, at most 254 characters; give several recipients separately)"
              + " but was '"
              + address
              + "'");
    }
    return trimmed;
  }

  private static String unquoted(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
    }
    return name;
  }

  /**
   * Splits a list such as {@code "Ada <a@x>, \"Lovelace, Ada\" <b@y>"} at the commas outside quotes
   * and angle brackets; blank entries are dropped.
   */
  static List<String> split(String list) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int angle = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '\\' && quoted && i + 1 < list.length()) {
        current.append(c).append(list.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        angle++;
      } else if (!quoted && c == '>' && angle > 0) {
        angle--;
      } else if (!quoted && angle == 0 && c == ',') {
        addIfNotBlank(parts, current);
        continue;
      }
      current.append(c);
    }
    addIfNotBlank(parts, current);
    return List.copyOf(parts);
  }

  private static void addIfNotBlank(List<String> parts, StringBuilder current) {
    String part = current.toString().strip();
    if (!part.isEmpty()) {
      parts.add(part);
    }
    current.setLength(0);
  }

  /**
   * The header tokens of a list of addresses, separated by commas: display names in plain ASCII
   * stay readable (quoted when they hold specials), others become encoded words.
   */
  static List<String> tokens(List<String> addresses) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      Mailbox mailbox = parse("address", addresses.get(i));
      mailbox.name().ifPresent(name -> tokens.addAll(displayName(name)));
      String address =
          mailbox.name().isPresent() ? "<" + mailbox.address() + ">" : mailbox.address();
      tokens.add(i < addresses.size() - 1 ? address + "," : address);
    }
    return tokens;
  }

  private static List<String> displayName(String name) {
    if (MimeHeaders.needsEncoding(name)) {
      return MimeHeaders.encodedWords(name);
    }
    boolean plainAtoms = name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ');
    return plainAtoms ? List.of(name.split(" +")) : List.of(MimeHeaders.quoted(name));
  }
}
