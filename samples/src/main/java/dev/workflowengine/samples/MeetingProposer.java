package dev.workflowengine.samples;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.RunResult;
import dev.workflowengine.core.Workflow;
import dev.workflowengine.core.agent.Agent;
import dev.workflowengine.core.agent.MethodTools;
import dev.workflowengine.google.calendar.CalendarTools;
import dev.workflowengine.google.calendar.GoogleCalendar;
import dev.workflowengine.testing.ScriptedChatModel;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calendar assistant's agent: it reads the coming week with {@code google.calendar.list_events}
 * and proposes a free slot for a meeting. On Ollama the model decides; scripted, it lists the week
 * and proposes the first free slot in what the tool answered ({@link ScriptedProposal}).
 */
final class MeetingProposer {

  static final String TITLE = "Project sync";
  static final Duration LENGTH = Duration.ofMinutes(30);
  static final String LIST_EVENTS = "google.calendar.list_events";

  private MeetingProposer() {}

  /** Asks the agent, printing the question, the tool's calls and answers, and its proposal. */
  static String propose(
      PrintStream out,
      SampleModels models,
      GoogleCalendar calendar,
      Clock clock,
      List<String> attendees) {
    Week week = Week.after(LocalDate.now(clock));
    ChatModel model = models.chat(() -> scriptedAssistant(week, attendees));
    Agent assistant =
        Agent.builder("assistant")
            .model(model)
            .systemPrompt(systemPrompt(ZonedDateTime.now(clock)))
            .tool(printed(listEvents(new CalendarTools(calendar)), out))
            .build();
    Workflow workflow =
        Workflow.builder("calendar-assistant")
            .node("assistant", assistant)
            .edge(Workflow.START, "assistant")
            .edge("assistant", Workflow.END)
            .build();
    String task = week.task(attendees);
    out.println("   asked: " + task);
    RunResult result = workflow.invoke(Map.of("input", task));
    out.println("   answer:");
    String answer = result.state().getString("assistant");
    answer.lines().forEach(line -> out.println("   | " + line));
    return answer;
  }

  /**
   * Only list_events: with read access, create_event would fail, so the model is not offered it.
   */
  private static AgentTool listEvents(CalendarTools tools) {
    return MethodTools.of(tools).stream()
        .filter(tool -> tool.name().equals(LIST_EVENTS))
        .findFirst()
        .orElseThrow();
  }

  /** The tool, printing each call and what it answered, so the console shows what was read. */
  private static AgentTool printed(AgentTool tool, PrintStream out) {
    return AgentTool.of(
        tool.specification(),
        arguments -> {
          out.println("   tool call: " + tool.name() + " " + arguments);
          Object answer = tool.execute(arguments);
          String.valueOf(answer).lines().forEach(line -> out.println("   > " + line));
          return answer;
        });
  }

  private static String systemPrompt(ZonedDateTime now) {
    return "You are a calendar assistant. It is now "
        + now.format(DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", Locale.ENGLISH))
        + " in "
        + now.getZone().getId()
        + ". Read the user's calendar with "
        + LIST_EVENTS
        + ", then propose one free 30-minute slot on a weekday between 09:00 and 17:00 that"
        + " overlaps none of the listed events. Give the title, the day and time, and the"
        + " attendees, then the arguments google.calendar.create_event would take to book it, as"
        + " JSON. Do not create anything.";
  }

  /** Lists the week, then proposes the first free slot in what the tool answered. */
  private static ChatModel scriptedAssistant(Week week, List<String> attendees) {
    return ScriptedChatModel.builder()
        .modelName("scripted-calendar")
        .toolCall(LIST_EVENTS, week.listArguments())
        .reply(request -> ScriptedProposal.from(lastToolResult(request), TITLE, LENGTH, attendees))
        .build();
  }

  private static String lastToolResult(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    return ((ToolExecutionResultMessage) messages.get(messages.size() - 1)).text();
  }

  /**
   * The seven days after today.
   *
   * @param first the first day
   * @param last the last day
   */
  record Week(LocalDate first, LocalDate last) {
    static Week after(LocalDate today) {
      return new Week(today.plusDays(1), today.plusDays(7));
    }

    String task(List<String> attendees) {
      return "Find "
          + LENGTH.toMinutes()
          + " minutes for '"
          + TITLE
          + "'"
          + (attendees.isEmpty() ? "" : " with " + String.join(", ", attendees))
          + " in the coming week, "
          + first
          + " to "
          + last
          + ".";
    }

    /** The window as whole days; at most 100 events, the tool's maximum. */
    String listArguments() {
      return "{\"from\": \"" + first + "\", \"to\": \"" + last + "\", \"max\": 100}";
    }
  }
}
