package dev.workflowengine.google.push;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded {@link CalendarChannels}: channels in memory, lost when the process ends (Google
 * keeps sending on them until they expire; those notifications are then refused as unknown).
 *
 * <pre>{@code
 * CalendarChannels channels = new InMemoryCalendarChannels();
 * channels.register(CalendarChannel.of("u1", "c-81f2", token, "primary"));
 * channels.advance("c-81f2", 1);    // true
 * channels.advance("c-81f2", 1);    // false: already accepted
 * }</pre>
 *
 * <p>Not bounded by traffic: an entry is written per watch, not per notification. Remove channels
 * you stop or replace, or they stay until the process ends.
 *
 * <p>Thread-safe: every operation on a channel is atomic.
 */
public final class InMemoryCalendarChannels implements CalendarChannels {

  /** A channel and the last message number accepted on it; replaced, never changed. */
  private record Entry(CalendarChannel channel, long lastMessage) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public InMemoryCalendarChannels() {}

  @Override
  public void register(CalendarChannel channel) {
    requireNonNull(channel, "channel");
    entries.put(channel.channelId(), new Entry(channel, 0));
  }

  @Override
  public Optional<CalendarChannel> find(String channelId) {
    requireNonNull(channelId, "channelId");
    return Optional.ofNullable(entries.get(channelId)).map(Entry::channel);
  }

  @Override
  public boolean remove(String channelId) {
    requireNonNull(channelId, "channelId");
    return entries.remove(channelId) != null;
  }

  @Override
  public long lastMessageNumber(String channelId) {
    requireNonNull(channelId, "channelId");
    Entry entry = entries.get(channelId);
    return entry == null ? 0 : entry.lastMessage();
  }

  @Override
  public boolean advance(String channelId, long messageNumber) {
    requireNonNull(channelId, "channelId");
    boolean[] advanced = {false};
    // computeIfPresent holds the channel's bin: the compare and the set are one step
    entries.computeIfPresent(
        channelId,
        (id, entry) -> {
          if (messageNumber <= entry.lastMessage()) {
            return entry;
          }
          advanced[0] = true;
          return new Entry(entry.channel(), messageNumber);
        });
    return advanced[0];
  }

  /** Counts only: the channels hold tokens. */
  @Override
  public String toString() {
    return "InMemoryCalendarChannels[" + entries.size() + " channels]";
  }
}
