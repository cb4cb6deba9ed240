package dev.workflowengine.samples;

import com.google.api.services.calendar.CalendarScopes;
import dev.workflowengine.core.credentials.CredentialVault;
import dev.workflowengine.core.memory.InMemoryCredentialStore;
import dev.workflowengine.google.AuthorizationStatus;
import dev.workflowengine.google.GoogleAuthorization;
import dev.workflowengine.google.GoogleWorkspace;
import dev.workflowengine.google.calendar.GoogleCalendar;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;

/**
 * A calendar assistant: you sign in with Google in your browser, an agent reads your coming week
 * with {@code google.calendar.list_events} and proposes a free 30-minute slot for a meeting with
 * the attendees you name. It asks for read access only and creates nothing. Without {@code
 * GOOGLE_CLIENT_ID} and {@code GOOGLE_CLIENT_SECRET} it explains where to get them and runs
 * nothing.
 *
 * <pre>
 * GOOGLE_CLIENT_ID=... GOOGLE_CLIENT_SECRET=... mvn -q -pl samples -am compile exec:java \
 *     -Dsample.main=dev.workflowengine.samples.CalendarAssistantSample -Dexec.args="ada@example.com"
 * </pre>
 */
public final class CalendarAssistantSample {

  /** What the sample does in the end: explain, propose, or fail saying why. */
  enum Outcome {
    EXPLAINED,
    PROPOSED,
    FAILED
  }

  static final String COMMAND =
      "mvn -q -pl samples -am compile exec:java"
          + " -Dsample.main=dev.workflowengine.samples.CalendarAssistantSample"
          + " -Dexec.args=\"ada@example.com\"";

  /** The one user of this sample; an application passes its own user ids. */
  private static final String USER = "me";

  private CalendarAssistantSample() {}

  /**
   * Runs the sample on its own.
   *
   * @param args e-mail addresses of the attendees, if any
   */
  public static void main(String[] args) throws InterruptedException {
    try (SampleModels models = SampleModels.fromEnvironment(System.out)) {
      models.announce(System.out);
      run(
          System.out,
          models,
          CalendarAssistantSettings.fromEnvironment(System.getenv()),
          List.of(args));
    }
  }

  static Outcome run(
      PrintStream out,
      SampleModels models,
      CalendarAssistantSettings settings,
      List<String> attendees)
      throws InterruptedException {
    out.println(
        "\n== 10. Calendar assistant: your coming week in Google Calendar, a meeting proposed");
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      explain(out, problems);
      return Outcome.EXPLAINED;
    }
    GoogleAuthorization authorization = authorization(settings);
    try {
      connect(out, settings, authorization);
    } catch (OAuthCallbackReceiver.Failure e) {
      out.println("   Not connected: " + e.getMessage());
      return Outcome.FAILED;
    }
    propose(out, models, settings, authorization, attendees);
    return Outcome.PROPOSED;
  }

  private static void explain(PrintStream out, List<String> problems) {
    out.println("   Not run: " + String.join("; ", problems) + ".");
    String steps =
        """
        To run it on your own calendar:
        1. In the Google Cloud console (https://console.cloud.google.com/apis/credentials), in a
           project with the Google Calendar API enabled and an OAuth consent screen that lists
           you as a test user, create an OAuth client ID of type "Desktop app".
        2. Set the variables (%3$s only to change its default):
             export %1$s=<the client's ID, ending in .apps.googleusercontent.com>
             export %2$s=<the client's secret>
             export %3$s=%4$s
           Google sends your browser back to %3$s, where this sample listens: a "Web
           application" client must list it as an authorized redirect URI, a "Desktop app"
           client accepts any localhost address.
        3. Run it, naming attendees in exec.args if you like:
             %5$s
        It asks Google only to read your calendar, and creates nothing.
        """
            .formatted(
                CalendarAssistantSettings.CLIENT_ID,
                CalendarAssistantSettings.CLIENT_SECRET,
                CalendarAssistantSettings.REDIRECT_URI,
                CalendarAssistantSettings.DEFAULT_REDIRECT_URI,
                COMMAND);
    steps.lines().forEach(line -> out.println("   " + line));
  }

  /** Tokens go to a vault with a key made for this run, over an in-memory store. */
  private static GoogleAuthorization authorization(CalendarAssistantSettings settings) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    CredentialVault vault =
        CredentialVault.builder().store(new InMemoryCredentialStore()).key("run", key).build();
    return GoogleAuthorization.builder()
        .clientId(settings.clientId().orElseThrow())
        .clientSecret(settings.clientSecret().orElseThrow())
        .redirectUri(settings.callbackUri())
        .scopes(CalendarScopes.CALENDAR_READONLY) // proposing needs no write access
        .vault(vault)
        .authUri(settings.endpoints().authUri())
        .tokenUri(settings.endpoints().tokenUri())
        .build();
  }

  private static void connect(
      PrintStream out, CalendarAssistantSettings settings, GoogleAuthorization authorization)
      throws InterruptedException, OAuthCallbackReceiver.Failure {
    // Listen before printing the address, so that no quick browser finds nobody there.
    try (OAuthCallbackReceiver receiver = listen(settings, authorization)) {
      out.println("   Open this address in your browser and allow read access to your calendar:");
      out.println("   " + authorization.authorizationUrl(USER));
      out.println(
          "   waiting up to "
              + OAuthCallbackReceiver.spoken(settings.callbackTimeout())
              + " for Google to send your browser back to "
              + settings.redirectUri());
      AuthorizationStatus status = receiver.await(settings.callbackTimeout());
      out.println("   connected with scopes " + status.scopes());
      out.println(
          "   (the tokens are encrypted under a key made for this run and kept in memory: they are"
              + " gone when it ends)");
    }
  }

  private static OAuthCallbackReceiver listen(
      CalendarAssistantSettings settings, GoogleAuthorization authorization)
      throws OAuthCallbackReceiver.Failure {
    try {
      return OAuthCallbackReceiver.start(settings.callbackUri(), authorization);
    } catch (IOException e) {
      throw new OAuthCallbackReceiver.Failure(
          "cannot listen at "
              + settings.redirectUri()
              + " ("
              + e.getMessage()
              + "); set "
              + CalendarAssistantSettings.REDIRECT_URI
              + " to a free port, registered with your OAuth client");
    }
  }

  private static void propose(
      PrintStream out,
      SampleModels models,
      CalendarAssistantSettings settings,
      GoogleAuthorization authorization,
      List<String> attendees) {
    GoogleWorkspace.Builder google = GoogleWorkspace.builder().credentials(authorization);
    settings.endpoints().apiRootUrl().ifPresent(google::rootUrl);
    GoogleCalendar calendar = GoogleCalendar.of(google.build(), USER, settings.clock());
    MeetingProposer.propose(out, models, calendar, settings.clock(), attendees);
    out.println(
        "   Nothing was created: this sample asks for read access only. An agent given the tool"
            + " google.calendar.create_event and the scope CalendarScopes.CALENDAR_EVENTS books"
            + " the slot with arguments like those above.");
  }
}
