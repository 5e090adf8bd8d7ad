package io.swarmgrid.storage.propagation;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A source's side of its state streams: numbers, signs and publishes updates. A delta applies to
 * the stream's latest keyframe, so the first update of a stream must be a keyframe. Qualities are
 * given by the caller or made by the stream's degradation function.
 *
 * <p>A state's updates reach the owner in order: up to {@value #MAX_IN_FLIGHT} publish calls per
 * state are under way at a time, each naming the last update of the call before it, and the owner
 * takes a call only after that one ({@code PublishBatchCall}); the updates sent while every call is
 * under way wait here and go together in the next call (one grid round trip for many updates,
 * without waiting for a batch to fill: a lone update leaves at once), signed once as a batch so
 * that the owner verifies one signature for all of them. With one call at a time an update waited
 * here for the whole round trip of the call before it.
 *
 * <p>The updates given to {@link #send} are signed when their call leaves, and only those that can
 * become the stream's head carry a signature of their own (every keyframe and the call's last
 * update); the others are vouched for by the batch's signature alone, which covers each update's
 * bytes. Signing each update was the source's largest cost (an Ed25519 signature per update, on the
 * caller's thread, about 12% of the bench's CPU).
 */
public final class StatePublisher {
  private final HazelcastInstance hz;
  private final String nodeId;
  private final NodeKeys keys;
  private final Map<String, Position> positions = new ConcurrentHashMap<>();
  // Per state, what waits for the call under way: the owner refuses an update that is not after
  // the stream's head, and async publishes overtook each other, so a state has one call at a time.
  private final Map<String, Lane> lanes = new HashMap<>();

  /** Most updates, and about the most payload bytes, one publish call carries. */
  static final int MAX_BATCH = 256;

  static final long MAX_BATCH_BYTES = 1L << 20;

  /** Publish calls of one state under way at once. */
  static final int MAX_IN_FLIGHT = 2;

  private record Position(long seq, long keyframeSeq) {}

  private record Pending(StateUpdate update, CompletableFuture<Integer> result) {}

  private static final class Lane {
    final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    int inFlight;
    // The last seq of the call sent before: the owner takes the next call after that one.
    long lastSent;
  }

  /** A publisher for node {@code nodeId}, whose registered key pair is {@code keys}. */
  public StatePublisher(HazelcastInstance hz, String nodeId, NodeKeys keys) {
    this.hz = hz;
    this.nodeId = nodeId;
    this.keys = keys;
  }

  /** Publishes a keyframe given at one or more qualities (full first). */
  public CompletableFuture<Integer> keyframe(
      String stateId, Priority priority, List<byte[]> qualities) {
    return send(stateId, true, priority, qualities);
  }

  /** Publishes a delta (against the latest keyframe) given at one or more qualities. */
  public CompletableFuture<Integer> delta(
      String stateId, Priority priority, List<byte[]> qualities) {
    return send(stateId, false, priority, qualities);
  }

  /** Publishes {@code full}, with the lower qualities made by {@code degradation}. */
  public CompletableFuture<Integer> publish(
      String stateId,
      boolean keyframe,
      Priority priority,
      byte[] full,
      Function<byte[], List<byte[]>> degradation) {
    List<byte[]> qualities = new ArrayList<>();
    qualities.add(full);
    qualities.addAll(degradation.apply(full));
    return send(stateId, keyframe, priority, qualities);
  }

  /**
   * Numbers, signs and publishes the next update of {@code stateId}: at once if no publish of that
   * state is under way, else with the others that wait for it, in one call, when it completed
   * (whatever its outcome). Completes with the number of nodes it was scheduled for, or with the
   * engine's {@link IllegalArgumentException} if it was refused.
   */
  public synchronized CompletableFuture<Integer> send(
      String stateId, boolean keyframe, Priority priority, List<byte[]> qualities) {
    StateUpdate u = numbered(stateId, keyframe, priority, qualities);
    CompletableFuture<Integer> result = new CompletableFuture<>();
    Lane lane = lanes.computeIfAbsent(stateId, id -> new Lane());
    lane.waiting.addLast(new Pending(u, result));
    if (lane.inFlight < MAX_IN_FLIGHT) {
      flush(lane);
    }
    return result;
  }

  /** Sends what waits in {@code lane} as one call; holds this publisher's lock. */
  private void flush(Lane lane) {
    if (lane.waiting.isEmpty()) {
      return;
    }
    List<Pending> batch = new ArrayList<>();
    long bytes = 0;
    while (!lane.waiting.isEmpty() && batch.size() < MAX_BATCH) {
      Pending p = lane.waiting.peekFirst();
      long size = p.update().qualities().stream().mapToLong(q -> q.length).sum();
      if (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
        break;
      }
      batch.add(lane.waiting.pollFirst());
      bytes += size;
    }
    lane.inFlight++;
    long after = lane.lastSent;
    lane.lastSent = batch.get(batch.size() - 1).update().seq();
    List<StateUpdate> updates = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      StateUpdate u = batch.get(i).update();
      // What can become the head keeps a signature of its own; a lone update needs one anyway.
      updates.add(u.keyframe() || i == batch.size() - 1 ? sign(u) : u);
    }
    // One signature for the batch: the owner verifies it once rather than each update's.
    byte[] batchSignature =
        updates.size() == 1 ? null : keys.sign(StateUpdate.batchSigningBytes(updates));
    PropagationCalls.publishAll(hz, updates, batchSignature, after)
        .whenComplete(
            (outcomes, e) -> {
              complete(batch, outcomes, e);
              synchronized (this) {
                lane.inFlight--;
                flush(lane);
              }
            });
  }

  private static void complete(List<Pending> batch, List<PublishOutcome> outcomes, Throwable e) {
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<Integer> r = batch.get(i).result();
      if (e != null) {
        r.completeExceptionally(e instanceof CompletionException ? e.getCause() : e);
      } else if (outcomes.get(i).accepted()) {
        r.complete(outcomes.get(i).targets());
      } else {
        r.completeExceptionally(new IllegalArgumentException(outcomes.get(i).refusal()));
      }
    }
  }

  /**
   * The next signed update of {@code stateId}; the stream's position moves on. Publishing it
   * yourself ({@link PropagationCalls#publish}) is fine one at a time per state; {@link #send}
   * orders concurrent ones.
   */
  public StateUpdate next(
      String stateId, boolean keyframe, Priority priority, List<byte[]> qualities) {
    return sign(numbered(stateId, keyframe, priority, qualities));
  }

  private StateUpdate sign(StateUpdate u) {
    return StateUpdate.signed(
        keys,
        u.stateId(),
        u.source(),
        u.seq(),
        u.publishedAt(),
        u.priority(),
        u.keyframe(),
        u.keyframeSeq(),
        u.qualities());
  }

  /** The next update of {@code stateId}, not signed yet; the stream's position moves on. */
  private StateUpdate numbered(
      String stateId, boolean keyframe, Priority priority, List<byte[]> qualities) {
    Position p =
        positions.compute(
            stateId,
            (id, old) -> {
              if (old == null && !keyframe) {
                throw new IllegalArgumentException(
                    "keyframe: false for the first update of state " + id + "; start with one");
              }
              long seq = old == null ? 1 : old.seq + 1;
              return new Position(seq, keyframe ? seq : old.keyframeSeq);
            });
    return new StateUpdate(
        stateId,
        nodeId,
        p.seq,
        System.currentTimeMillis(),
        priority,
        keyframe,
        p.keyframeSeq,
        qualities,
        new byte[0]);
  }
}
