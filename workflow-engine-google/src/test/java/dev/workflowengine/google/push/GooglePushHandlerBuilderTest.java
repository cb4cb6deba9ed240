package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.PushFixtures.calendarHeaders;
import static dev.workflowengine.google.push.PushFixtures.gmailEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowengine.core.engine.WorkflowEngine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The builder refuses what cannot work, at the setter or at build(), with a message that says so.
 */
class GooglePushHandlerBuilderTest {

  @Test
  void settersRefuseNullAndBlankArguments() {
    GooglePushHandlerBuilder builder = GooglePushHandler.builder();

    assertThatThrownBy(() -> builder.calendarChannels(null)).hasMessage("channels");
    assertThatThrownBy(() -> builder.gmailMailboxes(null)).hasMessage("mailboxes");
    assertThatThrownBy(() -> builder.onCalendarChange(null)).hasMessage("listener");
    assertThatThrownBy(() -> builder.clock(null)).hasMessage("time");
    assertThatThrownBy(() -> builder.startOnGmailChange(null, "wf")).hasMessage("engine");
    assertThatThrownBy(() -> builder.gmailToken("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void aShortGmailTokenIsRefusedAsGuessable() {
    assertThatThrownBy(() -> GooglePushHandler.builder().gmailToken("short-secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void aHandlerNeedsAtLeastOneRegistry() {
    assertThatThrownBy(() -> GooglePushHandler.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("calendarChannels(...), gmailMailboxes(...) or both");
  }

  @Test
  void listenersWithoutTheirRegistryAreAConflict() {
    GooglePushHandlerBuilder builder =
        GooglePushHandler.builder()
            .gmailMailboxes(new InMemoryGmailMailboxes())
            .onCalendarChange(c -> {});

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("calendar changes")
        .hasMessageContaining("calendarChannels(...)");
  }

  @Test
  void theSameWorkflowCannotBeStartedTwiceOnOneChange() {
    try (WorkflowEngine engine = WorkflowEngine.builder().workers(1).build()) {
      GooglePushHandlerBuilder builder =
          GooglePushHandler.builder().startOnCalendarChange(engine, "wf");

      assertThatThrownBy(() -> builder.startOnCalendarChange(engine, "wf"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'wf'");
    }
  }

  @Test
  void aHandlerWithoutARegistryForAKindRefusesThatKindClearly() {
    GooglePushHandler calendarOnly =
        GooglePushHandler.builder().calendarChannels(new InMemoryCalendarChannels()).build();
    GooglePushHandler gmailOnly =
        GooglePushHandler.builder().gmailMailboxes(new InMemoryGmailMailboxes()).build();

    assertThat(calendarOnly.takesCalendar()).isTrue();
    assertThat(calendarOnly.takesGmail()).isFalse();
    assertThat(gmailOnly.takesCalendar()).isFalse();
    assertThat(gmailOnly.takesGmail()).isTrue();
    assertThatThrownBy(() -> calendarOnly.handleGmail(gmailEnvelope("a@b.c", 1, "m")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("gmailMailboxes(...)");
    assertThatThrownBy(() -> gmailOnly.handleCalendar(calendarHeaders("exists", 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("calendarChannels(...)");
  }

  @Test
  void listenersAddedAfterBuildDoNotReachTheBuiltHandler() {
    CalendarChannels channels = new InMemoryCalendarChannels();
    channels.register(PushFixtures.channel());
    List<String> heard = new CopyOnWriteArrayList<>();
    GooglePushHandlerBuilder builder =
        GooglePushHandler.builder().calendarChannels(channels).clock(PushFixtures.CLOCK);
    GooglePushHandler built = builder.onCalendarChange(c -> heard.add("first")).build();

    builder.onCalendarChange(c -> heard.add("later"));
    built.handleCalendar(calendarHeaders("exists", 2));

    assertThat(heard).containsExactly("first");
  }
}
