package dev.workflowengine.google;

import static java.util.Objects.requireNonNull;

import dev.workflowengine.core.AgentTool;
import dev.workflowengine.core.Catalog;
import dev.workflowengine.core.agent.MethodTools;
import dev.workflowengine.google.calendar.CalendarTools;
import dev.workflowengine.google.drive.DriveTools;
import dev.workflowengine.google.gmail.GmailTools;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Google tool at once, for an application's {@link Catalog}: {@code
 * google.calendar.list_events}, {@code google.calendar.create_event}, {@code
 * google.drive.list_files}, {@code google.drive.upload_file}, {@code google.drive.download_file},
 * {@code google.gmail.list_messages}, {@code google.gmail.read_message} and {@code
 * google.gmail.send_email}. Each acts for the user the workflow run acts for (the engine's
 * execution owner, {@link dev.workflowengine.core.NodeContext#userId()}), with that user's
 * credentials, so one catalog serves every user and no run can reach another user's account.
 *
 * <pre>{@code
 * Catalog catalog = GoogleTools.register(Catalog.builder().defaultModel(model), google).build();
 * engine.start(StartRequest.of("inbox-digest", Map.of()).user("u1"));   // tools act as u1
 * }</pre>
 *
 * <p>To give one agent one user's tools instead, pass {@code new CalendarTools(google.calendar(u))}
 * (and the Drive and Gmail ones) to {@code Agent.Builder#tools}. Stateless; thread-safe.
 */
public final class GoogleTools {

  private GoogleTools() {}

  /**
   * The tools, acting for each run's user; dates and times without an offset are read in the
   * clock's zone.
   *
   * @param workspace the workspace to reach Google through
   * @param clock the current time and the zone of the calendar tools
   * @return the eight tools, calendar first, then Drive, then Gmail
   */
  public static List<AgentTool> forRunUser(GoogleWorkspace workspace, Clock clock) {
    requireNonNull(workspace, "workspace");
    requireNonNull(clock, "clock");
    List<AgentTool> tools = new ArrayList<>();
    tools.addAll(MethodTools.of(CalendarTools.forRunUser(workspace, clock)));
    tools.addAll(MethodTools.of(DriveTools.forRunUser(workspace)));
    tools.addAll(MethodTools.of(GmailTools.forRunUser(workspace)));
    return List.copyOf(tools);
  }

  /**
   * Adds the tools to a catalog, acting for each run's user, with the system clock in the JVM's
   * default zone.
   *
   * @param catalog the catalog being built
   * @param workspace the workspace to reach Google through
   * @return the catalog builder
   */
  public static Catalog.Builder register(Catalog.Builder catalog, GoogleWorkspace workspace) {
    requireNonNull(catalog, "catalog");
    forRunUser(workspace, Clock.systemDefaultZone()).forEach(catalog::tool);
    return catalog;
  }
}
