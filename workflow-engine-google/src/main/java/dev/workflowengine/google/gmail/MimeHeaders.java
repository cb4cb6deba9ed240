package dev.workflowengine.google.gmail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads the parts of MIME headers that need care: folding (RFC 5322 §2.2.3), encoded
 * words for non-ASCII text (RFC 2047) and encoded parameters for non-ASCII file names (RFC 2231).
 */
final class MimeHeaders {

  static final String CRLF = "\r\n";

  /** RFC 2047 §2: a line holding an encoded word must not be longer than 76 characters. */
  static final int MAX_LINE = 76;

  /**
   * The longest encoded word written. {@code "Reply-To: "}, the longest header name that carries
   * encoded words, is 10 characters; a word of at most 66 fits after it, so the folding in {@link
   * #header} never has to put an encoded word on a line longer than {@link #MAX_LINE}.
   */
  static final int MAX_ENCODED_WORD = MAX_LINE - "Reply-To: ".length();

  private static final String WORD_PREFIX = "=?UTF-8?B?";
  private static final String WORD_SUFFIX = "?=";

  /** Raw bytes per encoded word: whole base64 groups of 4 characters, 3 bytes each. */
  private static final int BYTES_PER_WORD =
      (MAX_ENCODED_WORD - WORD_PREFIX.length() - WORD_SUFFIX.length()) / 4 * 3;

  /**
   * The longest RFC 2231 parameter token: with the space before it and a ";" after it, it fits a
   * folded line of {@link #MAX_LINE}.
   */
  private static final int MAX_PARAMETER_TOKEN = MAX_LINE - 2;

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern BETWEEN_ENCODED_WORDS =
      Pattern.compile("(=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*\\?=)\\s+(?==\\?[^?\\s]+\\?[BbQq]\\?)");

  private MimeHeaders() {}

  /**
   * One header, folded: tokens are joined with single spaces, and a space becomes a line break
   * (CRLF and the space) where the line would grow past {@link #MAX_LINE}. A token is never broken,
   * so a line can only be longer when a single token is (an ASCII word; never an encoded word). An
   * empty token (from two spaces in a row, or a trailing one) never starts a line: the line would
   * hold only whitespace, which RFC 5322 §3.2.2 forbids and some readers take for the blank line
   * that ends the headers.
   */
  static String header(String name, List<String> tokens) {
    StringBuilder out = new StringBuilder(name).append(':');
    int lineLength = out.length();
    boolean lineHasToken = false;
    for (String token : tokens) {
      if (lineHasToken && !token.isEmpty() && lineLength + 1 + token.length() > MAX_LINE) {
        out.append(CRLF);
        lineLength = 0;
      }
      out.append(' ').append(token);
      lineLength += 1 + token.length();
      lineHasToken = true;
    }
    return out.append(CRLF).toString();
  }

  /**
   * The tokens of unstructured text such as a subject: its words when it is plain printable ASCII,
   * else encoded words, which a reader joins without the spaces between them.
   */
  static List<String> text(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    if (needsEncoding(text)) {
      return encodedWords(text);
    }
    return List.of(text.split(" ", -1));
  }

  /**
   * Whether text must go as encoded words: it has non-ASCII or control characters, looks like an
   * encoded word itself (a reader would decode it), or has a word too long to fold.
   */
  static boolean needsEncoding(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return true;
      }
    }
    if (text.contains("=?")) {
      return true;
    }
    for (String word : text.split(" ")) {
      if (word.length() > MAX_ENCODED_WORD) {
        return true;
      }
    }
    return false;
  }

  /**
   * Text as {@code =?UTF-8?B?...?=} words of at most {@link #MAX_ENCODED_WORD} characters. Words
   * end on whole code points: RFC 2047 §5 forbids splitting a character's bytes across words.
   */
  static List<String> encodedWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int chunkBytes = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int bytes = character.getBytes(StandardCharsets.UTF_8).length;
      if (chunkBytes + bytes > BYTES_PER_WORD) {
        words.add(encodedWord(chunk.toString()));
        chunk.setLength(0);
        chunkBytes = 0;
      }
      chunk.append(character);
      chunkBytes += bytes;
      i += Character.charCount(codePoint);
    }
    words.add(encodedWord(chunk.toString()));
    return words;
  }

  private static String encodedWord(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return WORD_PREFIX + Base64.getEncoder().encodeToString(utf8) + WORD_SUFFIX;
  }

  /**
   * A parameter such as a file name, as one or more {@code name=value} tokens. ASCII values go as a
   * quoted string. Others go as RFC 2231 UTF-8 percent-encoding ({@code filename*=UTF-8''...}),
   * split into numbered segments when long: RFC 2047 §5 forbids encoded words inside parameters,
   * and RFC 2231 is what mail readers (Gmail, Outlook, Thunderbird, Jakarta Mail) decode.
   */
  static List<String> parameter(String name, String value) {
    if (isPrintableAscii(value)) {
      return List.of(name + "=" + quoted(value));
    }
    String encoded = percentEncoded(value);
    String single = name + "*=UTF-8''" + encoded;
    if (single.length() <= MAX_PARAMETER_TOKEN) {
      return List.of(single);
    }
    List<String> segments = new ArrayList<>();
    int start = 0;
    while (start < encoded.length()) {
      String head = name + "*" + segments.size() + "*=" + (segments.isEmpty() ? "UTF-8''" : "");
      int end = Math.min(start + MAX_PARAMETER_TOKEN - head.length(), encoded.length());
      // never cut a %XX escape in two
      int escape = encoded.lastIndexOf('%', end - 1);
      if (end < encoded.length() && escape > end - 3) {
        end = escape;
      }
      segments.add(head + encoded.substring(start, end));
      start = end;
    }
    return segments;
  }

  private static boolean isPrintableAscii(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  /** A quoted string (RFC 5322 §3.2.4): backslash before {@code "} and {@code \}. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** RFC 2231 §7: every byte that is not an attribute-char becomes {@code %XX}. */
  private static String percentEncoded(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && "*'%()<>@,;:\\\"/[]?=".indexOf(c) < 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Decodes RFC 2047 encoded words in a header value read back from Gmail, which usually decodes
   * them itself; this covers the messages it leaves encoded. A word in an unknown charset, or
   * malformed, stays as it is.
   */
  static String decodeEncodedWords(String value) {
    if (!value.contains("=?")) {
      return value;
    }
    String joined = BETWEEN_ENCODED_WORDS.matcher(value).replaceAll("$1");
    Matcher matcher = ENCODED_WORD.matcher(joined);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String decoded = decodeWord(matcher.group(1), matcher.group(2), matcher.group(3));
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(decoded == null ? matcher.group() : decoded));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String decodeWord(String charsetName, String encoding, String text) {
    try {
      Charset charset = Charset.forName(charsetName.replaceFirst("\\*.*$", ""));
      byte[] bytes =
          encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(text) : qDecoded(text);
      return new String(bytes, charset);
    } catch (IllegalArgumentException e) { // unknown charset or malformed encoding
      return null;
    }
  }

  /** RFC 2047 §4.2: "Q" is quoted-printable with {@code _} for a space. */
  private static byte[] qDecoded(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < text.length()) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}
