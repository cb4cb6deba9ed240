package dev.workflowengine.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Queries and address lists: what they accept and refuse. */
class MessageQueryTest {

  @Test
  void theBuilderChecksEachValue() {
    assertThatThrownBy(() -> MessageQuery.builder().maxResults(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResults must be 1 to 500 (Gmail's largest page) but was 0");
    assertThatThrownBy(() -> MessageQuery.builder().maxResults(501))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MessageQuery.builder().query(" "))
        .hasMessage("query must not be blank");
    assertThatThrownBy(() -> MessageQuery.builder().labelIds("INBOX", ""))
        .hasMessage("labelIds must not be blank");
  }

  @Test
  void withPageTokenKeepsEverythingElse() {
    MessageQuery query = MessageQuery.builder().query("a").labelIds("INBOX").maxResults(3).build();

    assertThat(query.withPageToken("p2"))
        .isEqualTo(
            new MessageQuery(
                Optional.of("a"), List.of("INBOX"), OptionalInt.of(3), Optional.of("p2"), false));
    assertThat(MessageQuery.all())
        .isEqualTo(
            new MessageQuery(
                Optional.empty(), List.of(), OptionalInt.empty(), Optional.empty(), false));
  }

  @Test
  void addressListsSplitOnlyAtCommasOutsideQuotesAndBrackets() {
    assertThat(Addresses.split("\"Lovelace, Ada\" <ada@x.org>, bob@x.org,, <odd,one@x.org> ,"))
        .containsExactly("\"Lovelace, Ada\" <ada@x.org>", "bob@x.org", "<odd,one@x.org>");
    assertThat(Addresses.split(" ")).isEmpty();
  }
}
