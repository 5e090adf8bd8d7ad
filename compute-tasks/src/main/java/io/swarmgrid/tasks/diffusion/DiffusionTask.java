package io.swarmgrid.tasks.diffusion;

import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/**
 * One diffusion task in {@code swarm.diffusion.tasks}. A value: the entry processors return changed
 * copies.
 *
 * @param taskId the task's id
 * @param workload the workload's name ({@code Workloads.byName}); empty for an information task
 * @param contentHash the input's manifest hash, or the hash of the information being spread
 * @param chunks the chunks' hashes in input order (empty for an information task)
 * @param energy the energy it was injected with
 * @param originNode the node it was injected at; the result is aggregated there
 * @param redundancy copies per chunk asked for
 * @param quorum equal copies that agree a chunk
 * @param decay energy factor per hop
 * @param threshold energy under which it is not passed on
 * @param createdAt epoch millis
 * @param state where it is
 * @param agreed the chunks agreed so far
 * @param lastProgressAt epoch millis of the last agreed chunk (or of the injection)
 * @param reinjections how often it was injected again after stalling
 * @param result the merged result once {@link DiffusionTaskState#DONE} (null before, and for
 *     information)
 * @param finishedAt epoch millis when it finished or expired, 0 before
 * @param finishedBy the node that merged the result
 */
public record DiffusionTask(
    String taskId,
    String workload,
    String contentHash,
    List<String> chunks,
    double energy,
    String originNode,
    int redundancy,
    int quorum,
    double decay,
    double threshold,
    long createdAt,
    DiffusionTaskState state,
    BitSet agreed,
    long lastProgressAt,
    int reinjections,
    Serializable result,
    long finishedAt,
    String finishedBy) {
  /** Copies the list and the bit set. */
  public DiffusionTask {
    chunks = List.copyOf(chunks);
    agreed = agreed == null ? new BitSet() : (BitSet) agreed.clone();
  }

  /** A copy of the agreed chunks. */
  @Override
  public BitSet agreed() {
    return (BitSet) agreed.clone();
  }

  /** Whether this task only spreads information (no chunks to process). */
  public boolean information() {
    return workload.isEmpty();
  }

  /** Chunks agreed so far. */
  public int chunksAgreed() {
    return agreed.cardinality();
  }

  /** Whether every chunk is agreed. */
  public boolean allAgreed() {
    return agreed.cardinality() == chunks.size();
  }

  DiffusionTask withAgreed(int chunk, long now) {
    BitSet b = agreed();
    b.set(chunk);
    return new DiffusionTask(
        taskId,
        workload,
        contentHash,
        chunks,
        energy,
        originNode,
        redundancy,
        quorum,
        decay,
        threshold,
        createdAt,
        state,
        b,
        now,
        reinjections,
        result,
        finishedAt,
        finishedBy);
  }

  DiffusionTask finished(DiffusionTaskState end, Serializable result, long now, String by) {
    return new DiffusionTask(
        taskId,
        workload,
        contentHash,
        chunks,
        energy,
        originNode,
        redundancy,
        quorum,
        decay,
        threshold,
        createdAt,
        end,
        agreed,
        lastProgressAt,
        reinjections,
        result,
        now,
        by);
  }

  DiffusionTask reinjected(long now) {
    return new DiffusionTask(
        taskId,
        workload,
        contentHash,
        chunks,
        energy,
        originNode,
        redundancy,
        quorum,
        decay,
        threshold,
        createdAt,
        state,
        agreed,
        now,
        reinjections + 1,
        result,
        finishedAt,
        finishedBy);
  }
}
