package dev.workflowengine.google.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.workflowengine.google.calendar.CalendarTestSupport.CLOCK;
import static dev.workflowengine.google.calendar.CalendarTestSupport.calendar;
import static dev.workflowengine.google.calendar.CalendarTestSupport.query;
import static dev.workflowengine.google.calendar.CalendarTestSupport.requests;
import static dev.workflowengine.google.calendar.CalendarTestSupport.workspace;
import static dev.workflowengine.google.calendar.GoogleCalendarListTest.EVENTS_PAGE;
import static dev.workflowengine.google.calendar.GoogleCalendarListTest.EVENTS_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.core.RunOptions;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.WorkflowState;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent that reads the calendar through the tools, end to end with a scripted model. */
@WireMockTest
class CalendarAgentTest {

  static final String TODAY = "{\"from\": \"2026-03-02\", \"to\": \"2026-03-02\"}";

  @Test
  void anAgentListsTodaysEventsAndAnswersFromThem(WireMockRuntimeInfo wireMock) throws Exception {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson(EVENTS_PAGE)));
    ScriptedChatModel model =
        ScriptedChatModel.builder()
            .toolCall("google.calendar.list_events", TODAY)
            .reply(request -> "Today: " + lastToolResult(request).lines().skip(1).findFirst().get())
            .build();
    Agent assistant =
        Agent.builder("assistant")
            .model(model)
            .tools(new CalendarTools(calendar(wireMock)))
            .build();

    Map<String, Object> update =
        assistant.apply(WorkflowState.of(Map.of("input", "What is on my calendar today?")));

    assertThat(query(requests().get(0)))
        .isEqualTo(
            Map.of(
                "timeMin", "2026-03-01T23:00:00.000Z",
                "timeMax", "2026-03-02T23:00:00.000Z",
                "singleEvents", "true",
                "orderBy", "startTime",
                "maxResults", "20"));
    assertThat(requests()).hasSize(1);
    assertThat(update)
        .containsExactly(
            Map.entry(
                "assistant",
                "Today: - 2026-03-02 10:00-11:00 Design review | location: Room 4 | attendees:"
                    + " ada@example.com (accepted), alan@example.com (needsAction) | id: ev1"));
    assertThat(model.requests().get(0).toolSpecifications())
        .extracting(ToolSpecification::name)
        .containsExactly("google.calendar.create_event", "google.calendar.list_events");
  }

  @Test
  void toolsForTheRunUserActWithTheCredentialsOfTheUserTheRunActsFor(WireMockRuntimeInfo wireMock) {
    stubFor(get(urlPathEqualTo(EVENTS_PATH)).willReturn(okJson("{\"items\": []}")));
    Workflow workflow = assistantWorkflow(wireMock, ScriptedChatModel.builder());

    RunResult result =
        workflow.invoke(
            Map.of("input", "Anything today?"), RunOptions.builder().userId("u7").build());

    assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
    assertThat(requests()).hasSize(1);
    assertThat(requests().get(0).getHeader("Authorization")).isEqualTo("Bearer token-u7");
    assertThat(result.state().getString("assistant"))
        .isEqualTo("No events from 2026-03-02 00:00 to 2026-03-03 00:00 (times in Europe/Berlin).");
  }

  @Test
  void toolsForTheRunUserTellTheModelWhenTheRunHasNoUser(WireMockRuntimeInfo wireMock) {
    Workflow workflow = assistantWorkflow(wireMock, ScriptedChatModel.builder());

    RunResult result = workflow.invoke(Map.of("input", "Anything today?"), RunOptions.defaults());

    assertThat(requests()).isEmpty();
    assertThat(result.state().getString("assistant"))
        .startsWith("Error: IllegalStateException: the Google Calendar tools act for the user");
  }

  /** A one-node workflow whose agent lists today's events and answers with the tool's result. */
  private static Workflow assistantWorkflow(
      WireMockRuntimeInfo wireMock, ScriptedChatModel.Builder script) {
    ScriptedChatModel model =
        script
            .toolCall("google.calendar.list_events", TODAY)
            .reply(CalendarAgentTest::lastToolResult)
            .build();
    Agent assistant =
        Agent.builder("assistant")
            .model(model)
            .tools(CalendarTools.forRunUser(workspace(wireMock), CLOCK))
            .build();
    return Workflow.builder("assistant")
        .node("assistant", assistant)
        .edge(Workflow.START, "assistant")
        .edge("assistant", Workflow.END)
        .build();
  }

  private static String lastToolResult(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    return ((ToolExecutionResultMessage) messages.get(messages.size() - 1)).text();
  }
}
