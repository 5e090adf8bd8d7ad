package io.swarmgrid.storage.propagation;

import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A source's side of its state streams: numbers, signs and publishes updates. A delta applies to
 * the stream's latest keyframe, so the first update of a stream must be a keyframe. Qualities are
 * given by the caller or made by the stream's degradation function.
 */
public final class StatePublisher {
  private final HazelcastInstance hz;
  private final String nodeId;
  private final NodeKeys keys;
  private final Map<String, Position> positions = new ConcurrentHashMap<>();
  // The last publish of each state: the next one is sent when it completed, because the owner
  // refuses an update that is not after the stream's head (async publishes overtook each other).
  private final Map<String, CompletableFuture<Integer>> tails = new ConcurrentHashMap<>();

  private record Position(long seq, long keyframeSeq) {}

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
    List<byte[]> qualities = new java.util.ArrayList<>();
    qualities.add(full);
    qualities.addAll(degradation.apply(full));
    return send(stateId, keyframe, priority, qualities);
  }

  /**
   * Numbers, signs and publishes the next update of {@code stateId} once the previous publish of
   * that state completed (whatever its outcome), so that updates reach the owner in order.
   */
  public synchronized CompletableFuture<Integer> send(
      String stateId, boolean keyframe, Priority priority, List<byte[]> qualities) {
    StateUpdate u = next(stateId, keyframe, priority, qualities);
    return tails.compute(
        stateId,
        (id, previous) ->
            previous == null
                ? PropagationCalls.publish(hz, u)
                : previous
                    .handle((r, e) -> null)
                    .thenCompose(x -> PropagationCalls.publish(hz, u)));
  }

  /**
   * The next signed update of {@code stateId}; the stream's position moves on. Publishing it
   * yourself ({@link PropagationCalls#publish}) is fine one at a time per state; {@link #send}
   * orders concurrent ones.
   */
  public StateUpdate next(
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
    return StateUpdate.signed(
        keys,
        stateId,
        nodeId,
        p.seq,
        System.currentTimeMillis(),
        priority,
        keyframe,
        p.keyframeSeq,
        qualities);
  }
}
