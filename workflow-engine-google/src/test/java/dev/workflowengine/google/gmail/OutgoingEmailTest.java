package dev.workflowengine.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks of an e-mail's values: above all, no value can inject a header. */
class OutgoingEmailTest {

  private static OutgoingEmail.Builder valid() {
    return OutgoingEmail.builder().to("ada@example.com");
  }

  @Test
  void crOrLfInAnyHeaderValueIsRefusedNamingTheField() {
    String injected = "ada@example.com\r\nBcc: everyone@example.com";
    assertThatThrownBy(() -> valid().to(injected))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to must not contain control characters such as CR or LF");
    assertThatThrownBy(() -> valid().cc("Ada\n <ada@example.com>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cc must not contain control characters");
    assertThatThrownBy(() -> valid().bcc(injected)).hasMessageStartingWith("bcc must not");
    assertThatThrownBy(() -> valid().from(injected)).hasMessageStartingWith("from must not");
    assertThatThrownBy(() -> valid().replyTo(injected)).hasMessageStartingWith("replyTo must not");
    assertThatThrownBy(() -> valid().subject("Hi\r\nBcc: everyone@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subject must not contain control characters");
    assertThatThrownBy(() -> valid().inReplyTo("<a@b>\r\nX: y"))
        .hasMessageStartingWith("inReplyTo must be a Message-ID");
    assertThatThrownBy(() -> valid().references(List.of("<a@b> <c@d>")))
        .hasMessageStartingWith("references must be a Message-ID");
    assertThatThrownBy(() -> valid().threadId("t1\nX: y"))
        .hasMessageStartingWith("threadId must not");
    assertThatThrownBy(() -> new Attachment("a\r\n.txt", "text/plain", new byte[0]))
        .hasMessageStartingWith("attachment filename must not contain control characters");
    assertThatThrownBy(() -> new Attachment("a.txt", "text/plain\r\nX: y", new byte[0]))
        .hasMessageStartingWith("attachment mimeType must be type/subtype");
  }

  @Test
  void malformedOrBlankAddressesAreRefused() {
    assertThatThrownBy(() -> valid().to(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to must not be blank");
    assertThatThrownBy(() -> valid().to("ada@example.com, bob@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give several recipients separately");
    assertThatThrownBy(() -> valid().cc("not-an-address")).hasMessageStartingWith("cc must be one");
    assertThatThrownBy(() -> valid().to((String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> valid().to("ada@exämple.com")).hasMessageContaining("ASCII");
  }

  @Test
  void anEmailNeedsARecipientButBccAloneIsEnough() {
    assertThatThrownBy(() -> OutgoingEmail.builder().subject("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one recipient");
    assertThat(OutgoingEmail.builder().bcc("a@example.com").build().bcc())
        .containsExactly("a@example.com");
  }

  @Test
  void valuesAreTrimmedMessageIdsBracketedAndTheBuilderCanBeReused() {
    OutgoingEmail.Builder builder =
        valid()
            .to("  Bob <bob@example.com> ")
            .inReplyTo("abc@x")
            .references(List.of("<a@x>", "b@x"));
    OutgoingEmail first = builder.build();
    builder.to("carol@example.com");
    OutgoingEmail second = builder.build();

    assertThat(first.to()).containsExactly("ada@example.com", "Bob <bob@example.com>");
    assertThat(second.to()).hasSize(3);
    assertThat(first.inReplyTo()).contains("<abc@x>");
    assertThat(first.references()).containsExactly("<a@x>", "<b@x>");
    assertThat(first.from()).isEmpty();
    assertThat(first.subject()).isEmpty();
    assertThat(first.toString()).doesNotContain("text").contains("ada@example.com");
  }

  @Test
  void theCanonicalConstructorChecksAsTheBuilderDoes() {
    assertThatThrownBy(
            () ->
                new OutgoingEmail(
                    List.of("a@example.com\nBcc: x@example.com"),
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    "",
                    "",
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty()))
        .hasMessageStartingWith("to must not contain control characters");
  }

  @Test
  void aReplyGoesToReplyToWithReSubjectThreadAndReferences() {
    EmailMessage original =
        new EmailMessage(
            "m1",
            "t1",
            List.of("INBOX"),
            "Ada <ada@example.com>",
            List.of("me@example.com"),
            List.of(),
            "Invoice",
            Optional.of(Instant.EPOCH),
            "",
            "",
            Map.of(
                "Message-ID", List.of("<m1@x>"),
                "References", List.of("<m0@x>"),
                "Reply-To", List.of("billing@example.com, \"Ops, Team\" <ops@example.com>")));

    OutgoingEmail reply = OutgoingEmail.reply(original).text("ok").build();

    assertThat(reply.to())
        .containsExactly("billing@example.com", "\"Ops, Team\" <ops@example.com>");
    assertThat(reply.subject()).isEqualTo("Re: Invoice");
    assertThat(reply.threadId()).contains("t1");
    assertThat(reply.inReplyTo()).contains("<m1@x>");
    assertThat(reply.references()).containsExactly("<m0@x>", "<m1@x>");
  }

  @Test
  void aReplyReadsReferencesWrittenWithoutSpacesOrWithComments() {
    // RFC 5322 §3.6.4: the whitespace between message ids is optional, and CFWS may surround them
    EmailMessage original =
        new EmailMessage(
            "m2",
            "t1",
            List.of("INBOX"),
            "ada@example.com",
            List.of("me@example.com"),
            List.of(),
            "Re: Invoice",
            Optional.empty(),
            "",
            "",
            Map.of(
                "Message-ID", List.of("<m2@x>"),
                "References", List.of("<m0@x><m1@x> (forwarded)\t<m1b@x>")));

    OutgoingEmail reply = OutgoingEmail.reply(original).text("ok").build();

    assertThat(reply.subject()).isEqualTo("Re: Invoice");
    assertThat(reply.references()).containsExactly("<m0@x>", "<m1@x>", "<m1b@x>", "<m2@x>");
  }

  @Test
  void attachmentsCopyTheirBytes() {
    byte[] bytes = {1, 2};
    Attachment attachment = new Attachment("a.bin", "application/octet-stream", bytes);
    bytes[0] = 9;
    attachment.content()[1] = 9;

    assertThat(attachment.content()).containsExactly(1, 2);
    assertThat(attachment)
        .isEqualTo(new Attachment("a.bin", "application/octet-stream", new byte[] {1, 2}));
    assertThat(attachment.toString())
        .isEqualTo("Attachment[a.bin, application/octet-stream, 2 bytes]");
  }
}
