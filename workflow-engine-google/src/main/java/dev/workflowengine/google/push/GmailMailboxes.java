package dev.workflowengine.google.push;

import java.util.Optional;

/**
 * Which user each watched Gmail address belongs to. A Gmail notification names only the mailbox's
 * address, so {@link GooglePushHandler} looks its user up here; the host registers the address when
 * it calls {@code users.watch} for the user. Fits one table keyed by the lower-cased address.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use by any number of threads and processes.
 *   <li><b>Case:</b> addresses compare without regard to case ({@link java.util.Locale#ROOT}), as
 *       Gmail treats them.
 *   <li><b>Last write wins</b> for the same address.
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception and changes nothing.
 * </ul>
 *
 * <p>{@link InMemoryGmailMailboxes} is the embedded implementation.
 */
public interface GmailMailboxes {

  /**
   * Registers the user a mailbox belongs to, replacing any earlier registration of the address.
   *
   * @param emailAddress the address the watch was created for (the user's Gmail profile address)
   * @param userId the user
   */
  void register(String emailAddress, String userId);

  /**
   * The user a mailbox belongs to.
   *
   * @param emailAddress the address, in any case
   * @return the user, or empty if the address is not registered
   */
  Optional<String> userOf(String emailAddress);

  /**
   * Forgets a mailbox, for example after the host stopped its watch with {@code users.stop}.
   *
   * @param emailAddress the address, in any case
   * @return {@code true} if it was registered
   */
  boolean remove(String emailAddress);
}
