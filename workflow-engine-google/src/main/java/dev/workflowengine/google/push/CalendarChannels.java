package dev.workflowengine.google.push;

import java.util.Optional;

/**
 * The Calendar notification channels a host created, and the last message number accepted on each.
 * {@link GooglePushHandler} reads it to verify every notification; the host writes it when it
 * creates or stops a watch. Fits one table:
 *
 * <pre>{@code
 * CREATE TABLE calendar_channels (
 *   channel_id   VARCHAR(64) PRIMARY KEY,
 *   user_id      VARCHAR(128) NOT NULL,
 *   token        VARCHAR(256) NOT NULL,     -- or encrypted; it is a shared secret
 *   calendar_id  VARCHAR(1024) NOT NULL,
 *   resource_id  VARCHAR(256),
 *   expiration   TIMESTAMP,
 *   last_message BIGINT NOT NULL DEFAULT 0);
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety:</b> safe for concurrent use by any number of threads and processes.
 *   <li><b>Atomic advance:</b> {@link #advance} is a compare-and-set; of several calls with the
 *       same number at the same moment, exactly one returns {@code true}. In SQL: {@code UPDATE
 *       calendar_channels SET last_message = ? WHERE channel_id = ? AND last_message < ?}, true
 *       when one row changed.
 *   <li><b>Failure:</b> a storage failure is thrown as an unchecked exception and changes nothing.
 * </ul>
 *
 * <p>{@link InMemoryCalendarChannels} is the embedded implementation.
 */
public interface CalendarChannels {

  /**
   * Registers a channel, replacing any channel with the same id; its last message number starts at
   * 0, so its first notification (the {@code sync} message, number 1) is accepted.
   *
   * @param channel the channel the host just created
   */
  void register(CalendarChannel channel);

  /**
   * The channel registered under an id.
   *
   * @param channelId the channel id
   * @return the channel, or empty if none is registered under that id
   */
  Optional<CalendarChannel> find(String channelId);

  /**
   * Forgets a channel, for example after the host stopped it with {@code channels.stop}; its
   * notifications are refused from then on.
   *
   * @param channelId the channel id
   * @return {@code true} if a channel was removed
   */
  boolean remove(String channelId);

  /**
   * The highest message number accepted on a channel.
   *
   * @param channelId the channel id
   * @return the number, 0 if none was accepted yet or the channel is unknown
   */
  long lastMessageNumber(String channelId);

  /**
   * Records a message number as the channel's last, if it is above the last one recorded.
   *
   * @param channelId the channel id
   * @param messageNumber the number of the notification just handled
   * @return {@code true} if the number was above the last one and is now recorded; {@code false} if
   *     it was not, or the channel is unknown
   */
  boolean advance(String channelId, long messageNumber);
}
