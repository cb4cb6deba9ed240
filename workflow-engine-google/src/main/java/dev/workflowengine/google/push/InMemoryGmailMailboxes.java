package dev.workflowengine.google.push;

import static dev.workflowengine.google.push.Args.requireText;
import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded {@link GmailMailboxes}: addresses and their users in memory, lost when the process
 * ends.
 *
 * <pre>{@code
 * GmailMailboxes mailboxes = new InMemoryGmailMailboxes();
 * mailboxes.register("Ada@example.com", "u1");
 * mailboxes.userOf("ada@example.com");    // Optional[u1]
 * }</pre>
 *
 * <p>Not bounded by traffic: an entry is written per watched mailbox, not per notification.
 *
 * <p>Thread-safe.
 */
public final class InMemoryGmailMailboxes implements GmailMailboxes {

  private final Map<String, String> users = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public InMemoryGmailMailboxes() {}

  @Override
  public void register(String emailAddress, String userId) {
    String key = key(requireText(emailAddress, "emailAddress"));
    users.put(key, requireText(userId, "userId"));
  }

  @Override
  public Optional<String> userOf(String emailAddress) {
    return Optional.ofNullable(users.get(key(requireNonNull(emailAddress, "emailAddress"))));
  }

  @Override
  public boolean remove(String emailAddress) {
    return users.remove(key(requireNonNull(emailAddress, "emailAddress"))) != null;
  }

  private static String key(String emailAddress) {
    return emailAddress.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "InMemoryGmailMailboxes[" + users.size() + " mailboxes]";
  }
}
