package io.swarmgrid.plugin.region.internal;

import io.swarmgrid.plugin.region.ResyncReport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last automatic resync of each link run on this member, by the link's stream job name. */
public final class ResyncLog {
  private final Map<String, ResyncReport> last = new ConcurrentHashMap<>();

  void record(Link link, ResyncReport report) {
    last.put(link.streamJobName(), report);
  }

  /** The last automatic resync of {@code link} run on this member, if any. */
  public Optional<ResyncReport> last(Link link) {
    return Optional.ofNullable(last.get(link.streamJobName()));
  }
}
