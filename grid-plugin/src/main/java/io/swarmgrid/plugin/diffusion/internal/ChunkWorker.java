package io.swarmgrid.plugin.diffusion.internal;

import io.swarmgrid.storage.content.ContentStore;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.tasks.diffusion.Claim;
import io.swarmgrid.tasks.diffusion.ClaimChunk;
import io.swarmgrid.tasks.diffusion.CopyResult;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.SubmitCopy;
import io.swarmgrid.tasks.diffusion.TaskUpdates;
import io.swarmgrid.tasks.workload.Workload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The loop of one worker thread: takes the next task due from the {@link WorkQueue}, claims one of
 * its chunks atomically in {@code swarm.diffusion.shares} (copies on distinct members), processes
 * it with the task's workload, signs the result with this member's node key and votes it next to
 * the chunk. The copy that agrees the last chunk asks the origin to merge.
 */
public final class ChunkWorker implements Runnable {
  // A chunk this member claimed or found taken is not asked for again within this time.
  private static final long RECLAIM_MILLIS = 250;

  private final DiffusionContext ctx;
  private final WorkQueue queue;
  private final QuarantineView quarantine;
  private final ContentStore content;
  private final WorkloadCache workloads;
  private final ResultMerger merger;
  private final OutvotedReporter reporter;

  ChunkWorker(
      DiffusionContext ctx,
      WorkQueue queue,
      QuarantineView quarantine,
      ContentStore content,
      WorkloadCache workloads,
      ResultMerger merger) {
    this.ctx = ctx;
    this.queue = queue;
    this.quarantine = quarantine;
    this.content = content;
    this.workloads = workloads;
    this.merger = merger;
    this.reporter = new OutvotedReporter(ctx);
  }

  @Override
  public void run() {
    while (ctx.running() && !Thread.currentThread().isInterrupted()) {
      TaskWork w;
      try {
        w = queue.poll(500);
      } catch (InterruptedException e) {
        return;
      }
      if (w == null) {
        continue;
      }
      try {
        if (quarantine.self()) {
          queue.requeue(w, 1_000);
          continue;
        }
        Optional<ChunkClaim> claim;
        synchronized (w) {
          claim = claimNext(w);
        }
        if (w.gone) {
          queue.remove(w);
          continue;
        }
        if (claim.isEmpty()) {
          queue.requeue(w, Math.min(1_000, Math.max(100, ctx.config().claimLeaseMillis() / 4)));
          continue;
        }
        // Let other workers claim further chunks of this task meanwhile.
        queue.requeue(w, 0);
        process(w, claim.get());
      } catch (RuntimeException e) {
        if (!ctx.running()) {
          return;
        }
        BackgroundFailures.report("diffusion.work", e);
        queue.requeue(w, 500);
      }
    }
  }

  /** Claims the next chunk this member may process for the holder whose turn it is. */
  private Optional<ChunkClaim> claimNext(TaskWork w) {
    DiffusionTask task = w.task;
    int n = task.chunks().size();
    long now = System.currentTimeMillis();
    // Quarantined members get no work, so copies need not wait for them.
    Set<String> live = new HashSet<>(ctx.keeper().liveHosts());
    live.removeAll(quarantine.hosts());
    String holder = w.nextHolder();
    for (int k = 0; k < n; k++) {
      int chunk = (w.offset + k) % n;
      if (w.agreed.get(chunk) || now - w.takenAt[chunk] < RECLAIM_MILLIS) {
        continue;
      }
      ClaimChunk.Outcome o =
          ctx.shares()
              .executeOnKey(
                  ShareState.key(task.taskId(), chunk),
                  new ClaimChunk(
                      new Claim(holder, ctx.nodeId(), ctx.memberUuid(), now),
                      ctx.config().claimLeaseMillis(),
                      live,
                      task.redundancy(),
                      ctx.settings().maxCopies()));
      switch (o) {
        case CLAIMED -> {
          w.takenAt[chunk] = now;
          return Optional.of(new ChunkClaim(chunk, holder));
        }
        case AGREED -> w.agreed.set(chunk);
        case TAKEN -> w.takenAt[chunk] = now;
        case GONE -> {
          w.gone = true;
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private void process(TaskWork w, ChunkClaim claim) {
    DiffusionTask task = w.task;
    int chunk = claim.chunk();
    Workload<Serializable> workload = workloads.get(task.workload());
    byte[] bytes = content.get(task.chunks().get(chunk));
    List<String> records = workload.records(new String(bytes, StandardCharsets.UTF_8));
    if (ctx.config().corruptResultsForTesting() && !records.isEmpty()) {
      records = records.subList(1, records.size());
    }
    Serializable result = workload.process(records);
    ctx.metrics().chunksProcessed.incrementAndGet();
    byte[] payload =
        CopyResult.statement(
            task.taskId(), chunk, claim.holder(), ContentStore.sha256Hex(serialize(result)));
    CopyResult copy =
        new CopyResult(
            claim.holder(),
            ctx.nodeId(),
            ctx.memberUuid(),
            result,
            payload,
            ctx.node().keys().sign(payload));
    SubmitCopy.Vote vote =
        ctx.shares()
            .executeOnKey(
                ShareState.key(task.taskId(), chunk), new SubmitCopy(copy, task.quorum()));
    switch (vote.status()) {
      case AGREED_NOW -> {
        w.agreed.set(chunk);
        reporter.report(task, chunk, vote.minority());
        DiffusionTask now =
            ctx.tasks()
                .executeOnKey(task.taskId(), TaskUpdates.agreed(chunk, System.currentTimeMillis()));
        if (now != null && now.allAgreed()) {
          merger.askOriginToFinish(now);
        }
      }
      case ALREADY_AGREED -> {
        w.agreed.set(chunk);
        reporter.report(task, chunk, vote.minority());
      }
      case PENDING -> {
        // No quorum yet: the next claim round finds whether a tie-breaking copy is wanted.
      }
      case GONE -> w.gone = true;
    }
  }

  private static byte[] serialize(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize a result", e);
    }
    return bytes.toByteArray();
  }
}
