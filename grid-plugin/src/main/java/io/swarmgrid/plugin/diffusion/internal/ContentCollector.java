package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.storage.content.ContentStore;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.LiveTasks;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects this member's content in {@code swarm.content}: content no live task gives energy to,
 * older than {@code content-max-age-seconds}, or beyond the member's entry and byte limits, lowest
 * energy first. Scans by age only now and then unless the member is over a limit.
 */
public final class ContentCollector implements Runnable {
  private final DiffusionContext ctx;
  private final ContentStore content;
  private volatile long lastAgeScan;

  ContentCollector(DiffusionContext ctx, ContentStore content) {
    this.ctx = ctx;
    this.content = content;
  }

  @Override
  public void run() {
    long now = System.currentTimeMillis();
    ContentStore.Usage usage = content.localUsage();
    long maxAgeMillis = ctx.config().contentMaxAgeSeconds() * 1000L;
    boolean over =
        usage.entries() > ctx.config().contentMaxEntriesPerMember()
            || usage.bytes() > ctx.config().contentMaxBytesPerMember();
    long ageScanEvery = Math.min(60_000, Math.max(100, ctx.config().contentMaxAgeSeconds() * 250L));
    if (!over && now - lastAgeScan < ageScanEvery) {
      return;
    }
    lastAgeScan = now;
    Map<String, Double> energy = new HashMap<>();
    for (DiffusionTask t : ctx.tasks().values(new LiveTasks())) {
      energy.merge(t.contentHash(), t.energy(), Math::max);
      for (String c : t.chunks()) {
        energy.merge(c, t.energy(), Math::max);
      }
    }
    ContentStore.Collection c =
        content.collect(
            h -> energy.getOrDefault(h, 0.0),
            now,
            maxAgeMillis,
            Math.min(maxAgeMillis, 60_000L),
            ctx.config().contentMaxBytesPerMember(),
            ctx.config().contentMaxEntriesPerMember());
    ctx.metrics().contentCollected.addAndGet(c.removed());
  }
}
