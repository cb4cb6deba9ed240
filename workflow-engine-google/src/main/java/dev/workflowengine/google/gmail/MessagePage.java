package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a message listing, newest first. Ask for the next with {@link
 * MessageQuery#withPageToken(String)}:
 *
 * <pre>{@code
 * MessageQuery query = MessageQuery.of("from:billing@example.com");
 * MessagePage page = gmail.listMessages(query);
 * while (page.nextPageToken().isPresent()) {
 *   page = gmail.listMessages(query.withPageToken(page.nextPageToken().get()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param messages the messages on this page, possibly none
 * @param nextPageToken the token of the next page, absent on the last
 * @param resultSizeEstimate Gmail's estimate of the matches in all pages; an estimate only
 */
public record MessagePage(
    List<MessageSummary> messages, Optional<String> nextPageToken, long resultSizeEstimate) {

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if a value is null
   */
  public MessagePage {
    messages = List.copyOf(messages);
    requireNonNull(nextPageToken, "nextPageToken");
  }
}
