package io.swarmgrid.plugin.diffusion.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swarmgrid.plugin.diffusion.DiffusionStats;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The counters of one member's diffusion, as {@link DiffusionStats} and meters. */
public final class DiffusionMetrics {
  final AtomicLong hopsReceived = new AtomicLong();
  final AtomicLong hopsSent = new AtomicLong();
  final AtomicLong chunksProcessed = new AtomicLong();
  final AtomicLong minorityCopies = new AtomicLong();
  final AtomicLong evidenceFiled = new AtomicLong();
  final AtomicLong tasksFinished = new AtomicLong();
  final AtomicLong reinjections = new AtomicLong();
  final AtomicLong contentCollected = new AtomicLong();

  /** Registers the counters as {@code swarmgrid.diffusion.*} meters tagged with {@code node}. */
  public void register(MeterRegistry meters, String nodeId) {
    Map<String, AtomicLong> counters =
        Map.of(
            "hops.received", hopsReceived,
            "hops.sent", hopsSent,
            "chunks.processed", chunksProcessed,
            "copies.outvoted", minorityCopies,
            "evidence.filed", evidenceFiled,
            "tasks.finished", tasksFinished,
            "tasks.reinjected", reinjections,
            "content.collected", contentCollected);
    counters.forEach(
        (name, value) ->
            FunctionCounter.builder("swarmgrid.diffusion." + name, value, AtomicLong::get)
                .tag("node", nodeId)
                .register(meters));
  }

  /** The counts now. */
  public DiffusionStats snapshot() {
    return new DiffusionStats(
        hopsReceived.get(),
        hopsSent.get(),
        chunksProcessed.get(),
        minorityCopies.get(),
        evidenceFiled.get(),
        tasksFinished.get(),
        reinjections.get(),
        contentCollected.get());
  }
}
