package dev.workflowengine.google.gmail;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which messages {@link GoogleGmail#listMessages} lists: a Gmail search, labels every message must
 * carry, a page size and the page.
 *
 * <pre>{@code
 * MessageQuery unread = MessageQuery.builder()
 *     .query("is:unread newer_than:2d")      // Gmail's search box syntax
 *     .labelIds("INBOX")
 *     .maxResults(20)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param query a search in Gmail's search box syntax, such as {@code from:ada is:unread}
 * @param labelIds labels every listed message must have, such as {@code INBOX}
 * @param maxResults the page size, 1 to {@value #MAX_RESULTS}; Gmail uses 100 when absent
 * @param pageToken the page to list, from {@link MessagePage#nextPageToken()}; the first if absent
 * @param includeSpamTrash whether messages in spam and trash are listed too
 */
public record MessageQuery(
    Optional<String> query,
    List<String> labelIds,
    OptionalInt maxResults,
    Optional<String> pageToken,
    boolean includeSpamTrash) {

  /** The largest page Gmail serves. */
  public static final int MAX_RESULTS = 500;

  private static final MessageQuery ALL = builder().build();

  /**
   * Checks and copies the values.
   *
   * @throws NullPointerException if a value is null
   * @throws IllegalArgumentException if {@code maxResults} is out of range or a label is blank
   */
  public MessageQuery {
    requireNonNull(query, "query");
    labelIds = List.copyOf(labelIds);
    labelIds.forEach(label -> nonBlank("labelIds", label));
    requireNonNull(maxResults, "maxResults");
    maxResults.ifPresent(MessageQuery::checkMaxResults);
    requireNonNull(pageToken, "pageToken");
  }

  /**
   * Every message outside spam and trash, newest first, in Gmail's default pages.
   *
   * @return the query
   */
  public static MessageQuery all() {
    return ALL;
  }

  /**
   * The messages matching a Gmail search.
   *
   * @param query such as {@code "is:unread newer_than:2d"}
   * @return the query
   */
  public static MessageQuery of(String query) {
    return builder().query(query).build();
  }

  /**
   * Starts a query.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This query for another page.
   *
   * @param token a {@link MessagePage#nextPageToken()}
   * @return the same query on that page
   */
  public MessageQuery withPageToken(String token) {
    return new MessageQuery(
        query, labelIds, maxResults, Optional.of(nonBlank("token", token)), includeSpamTrash);
  }

  private static void checkMaxResults(int maxResults) {
    if (maxResults < 1 || maxResults > MAX_RESULTS) {
      throw new IllegalArgumentException(
          "maxResults must be 1 to "
              + MAX_RESULTS
              + " (Gmail's largest page) but was "
              + maxResults);
    }
  }

  private static String nonBlank(String field, String value) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** Builds a {@link MessageQuery}, checking each value when set. Not thread-safe. */
  public static final class Builder {
    private String query;
    private final List<String> labelIds = new ArrayList<>();
    private Integer maxResults;
    private String pageToken;
    private boolean includeSpamTrash;

    private Builder() {}

    /**
     * Sets the Gmail search.
     *
     * @param query such as {@code "from:ada@example.com has:attachment"}
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder query(String query) {
      this.query = nonBlank("query", query);
      return this;
    }

    /**
     * Adds labels every listed message must carry.
     *
     * @param labelIds label ids, such as {@code INBOX} or {@code Label_12}
     * @return this builder
     * @throws IllegalArgumentException if one is blank
     */
    public Builder labelIds(String... labelIds) {
      requireNonNull(labelIds, "labelIds");
      for (String label : labelIds) {
        this.labelIds.add(nonBlank("labelIds", label));
      }
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param maxResults 1 to {@value MessageQuery#MAX_RESULTS}
     * @return this builder
     * @throws IllegalArgumentException if it is out of range
     */
    public Builder maxResults(int maxResults) {
      checkMaxResults(maxResults);
      this.maxResults = maxResults;
      return this;
    }

    /**
     * Sets the page to list.
     *
     * @param token a {@link MessagePage#nextPageToken()}
     * @return this builder
     * @throws IllegalArgumentException if it is blank
     */
    public Builder pageToken(String token) {
      this.pageToken = nonBlank("pageToken", token);
      return this;
    }

    /**
     * Lists messages in spam and trash too.
     *
     * @param include whether to
     * @return this builder
     */
    public Builder includeSpamTrash(boolean include) {
      this.includeSpamTrash = include;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public MessageQuery build() {
      return new MessageQuery(
          Optional.ofNullable(query),
          labelIds,
          maxResults == null ? OptionalInt.empty() : OptionalInt.of(maxResults),
          Optional.ofNullable(pageToken),
          includeSpamTrash);
    }
  }
}
