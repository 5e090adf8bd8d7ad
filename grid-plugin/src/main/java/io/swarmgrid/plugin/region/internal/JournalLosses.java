package io.swarmgrid.plugin.region.internal;

import com.hazelcast.logging.LogEvent;
import com.hazelcast.logging.LogListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts, per link, the journal events its job on this member found overwritten before it read
 * them. Jet's journal source tells this only in a warning, so this listens on the member's logging
 * service.
 */
public final class JournalLosses implements LogListener {
  private static final Pattern LOST_EVENTS =
      Pattern.compile("(\\d+) events lost for partition (\\d+)");

  private final List<Link> links;
  // Journal events lost by each link's job on this member, by the job's name.
  private final Map<String, AtomicLong> lostEvents = new ConcurrentHashMap<>();

  /** Losses of the jobs of {@code links}. */
  public JournalLosses(List<Link> links) {
    this.links = links;
  }

  /**
   * Journal events that the job replicating {@code map} to region {@code target} found, on this
   * member, overwritten before it read them: the journal overflowed while the link was behind.
   * Jet's journal source tells this only in a warning ({@code "N events lost for partition P due to
   * journal overflow"}, prefixed with the job's name), which this engine listens for on the
   * member's logging service.
   */
  public long lostEvents(String map, String target) {
    return links.stream()
        .filter(l -> l.map().equals(map) && l.target().equals(target))
        .findFirst()
        .map(l -> lostEvents.get(l.streamJobName()))
        .map(AtomicLong::get)
        .orElse(0L);
  }

  @Override
  public void log(LogEvent event) {
    onWarning(event);
  }

  private void onWarning(LogEvent event) {
    String message = event.getLogRecord().getMessage();
    if (message == null || !message.contains(" events lost for partition ")) {
      return;
    }
    Matcher m = LOST_EVENTS.matcher(message);
    if (!m.find()) {
      return;
    }
    for (Link link : links) {
      // The prefix is "jobName/vertex#i": match the name whole, since one map's job names share a
      // stem.
      if (message.contains(link.streamJobName() + "/")
          || message.contains(link.streamJobName() + " ")) {
        lostEvents
            .computeIfAbsent(link.streamJobName(), n -> new AtomicLong())
            .addAndGet(Long.parseLong(m.group(1)));
        return;
      }
    }
  }
}
