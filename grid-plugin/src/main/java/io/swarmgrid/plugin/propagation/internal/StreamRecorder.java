package io.swarmgrid.plugin.propagation.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.node.NodeStatus;
import io.swarmgrid.storage.propagation.StateUpdate;
import io.swarmgrid.storage.propagation.StreamHead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Checks an update against its stream and records it as the stream's head, on the member that owns
 * the state's partition: only the stream's authority (the source of its first keyframe) may
 * publish, signed with its registered key, each update after the last, each payload within the
 * limit. Nothing is recorded for an update that fails a check.
 */
public final class StreamRecorder {
  private static final int LOCKS = 64;

  private final IMap<String, StreamHead> heads;
  private final NodeRegistry registry;
  private final int maxPayloadBytes;
  private final Object[] locks = new Object[LOCKS];

  /** What recording an update did. */
  public enum Outcome {
    /** The update is the stream's new head. */
    RECORDED,
    /** The same update was recorded before (a publish sent again after a member change). */
    REPEATED
  }

  /** A recorder over {@code swarm.streams}. */
  public StreamRecorder(HazelcastInstance hz, NodeRegistry registry, int maxPayloadBytes) {
    this.heads = hz.getMap(SwarmMap.STREAMS.mapName());
    this.registry = registry;
    this.maxPayloadBytes = maxPayloadBytes;
    for (int i = 0; i < LOCKS; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Checks and records {@code u}.
   *
   * @throws IllegalArgumentException naming the field and value that fail; nothing is recorded
   */
  public Outcome record(StateUpdate u) {
    Verdict v = recordAll(List.of(u), false, null).get(0);
    if (v.refusal() != null) {
      throw new IllegalArgumentException(v.refusal());
    }
    return v.outcome();
  }

  /**
   * What became of one update of a batch.
   *
   * @param outcome recorded or repeated; null if refused
   * @param refusal why it was refused, naming the field and value; null if not
   * @param follows the seq of the update recorded just before it (0: the stream's first, or a
   *     repeat, whose place is not known here)
   */
  public record Verdict(Outcome outcome, String refusal, long follows) {
    static Verdict refused(String refusal) {
      return new Verdict(null, refusal, 0);
    }
  }

  /**
   * Checks and records a batch of updates in order, as {@link #record} does each: the sources are
   * looked up once per batch, and each state's head is read and written once per batch. A refused
   * update changes nothing and does not stop the ones after it.
   *
   * @param resent the batch is sent again after a member left: an update of the stream's authority
   *     at or before its head was recorded already and is a repeat
   * @param batchSignature the source's signature of the whole batch, checked once instead of each
   *     update's (if it fails, every update is refused); null to check each update's
   */
  public List<Verdict> recordAll(List<StateUpdate> batch, boolean resent, byte[] batchSignature) {
    Recorded r = recordBatch(batch, resent, batchSignature);
    r.written().join();
    return r.verdicts();
  }

  /**
   * What a batch's checks decided, and the heads' writes under way.
   *
   * @param verdicts one per update, in order
   * @param written completes once every head of the batch is written (with its backups)
   */
  public record Recorded(List<Verdict> verdicts, CompletableFuture<Void> written) {}

  /**
   * As {@link #recordAll}, without waiting for the heads' writes: the caller fans out meanwhile and
   * waits before it answers (the write, with its backup, was a grid round trip on every publish
   * call's urgent path). A later batch of the state reads the head after the write, which the
   * state's partition runs first.
   */
  public Recorded recordBatch(List<StateUpdate> batch, boolean resent, byte[] batchSignature) {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    Verdict[] verdicts = new Verdict[batch.size()];
    Map<String, Optional<NodeInfo>> sources = new HashMap<>();
    Map<String, List<Integer>> byState = new LinkedHashMap<>();
    String batchRefusal =
        batchSignature == null ? null : checkBatch(batch, batchSignature, sources);
    for (int i = 0; i < batch.size(); i++) {
      StateUpdate u = batch.get(i);
      if (batchRefusal != null) {
        verdicts[i] = Verdict.refused(batchRefusal);
        continue;
      }
      try {
        check(u, sources.computeIfAbsent(u.source(), registry::get), batchSignature == null);
        byState.computeIfAbsent(u.stateId(), id -> new ArrayList<>()).add(i);
      } catch (IllegalArgumentException e) {
        verdicts[i] = Verdict.refused(e.getMessage());
      }
    }
    byState.forEach(
        (stateId, indices) -> {
          synchronized (locks[Math.floorMod(stateId.hashCode(), LOCKS)]) {
            StreamHead before = heads.get(stateId);
            StreamHead head = before;
            for (int i : indices) {
              StateUpdate u = batch.get(i);
              try {
                Outcome o = advance(head, u, resent);
                long follows = 0;
                if (o == Outcome.RECORDED) {
                  follows = head == null ? 0 : head.seq();
                  head = head == null ? StreamHead.start(u) : head.after(u);
                }
                verdicts[i] = new Verdict(o, null, follows);
              } catch (IllegalArgumentException e) {
                verdicts[i] = Verdict.refused(e.getMessage());
              }
            }
            if (head != before) {
              writes.add(heads.setAsync(stateId, head).toCompletableFuture());
            }
          }
        });
    return new Recorded(
        List.of(verdicts), CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
  }

  /** Why a batch's signature fails (naming field and value), or null if it is its source's. */
  private String checkBatch(
      List<StateUpdate> batch, byte[] signature, Map<String, Optional<NodeInfo>> sources) {
    String source = batch.get(0).source();
    for (StateUpdate u : batch) {
      if (!u.source().equals(source)) {
        return "source: '" + u.source() + "' in a batch signed by " + source + "; nothing sent";
      }
    }
    Optional<NodeInfo> node =
        sources.computeIfAbsent(source, registry::get).filter(n -> n.status() == NodeStatus.ACTIVE);
    if (node.isEmpty()) {
      return "source: '" + source + "' is not an active registered node";
    }
    if (!NodeKeys.verify(node.get().publicKey(), StateUpdate.batchSigningBytes(batch), signature)) {
      return "signature: not node "
          + source
          + "'s signature of a batch of "
          + batch.size()
          + " updates; nothing sent";
    }
    return null;
  }

  /**
   * The checks that need no head: payload sizes, an active source, its signature (unless a batch
   * signature vouched for it).
   */
  private void check(StateUpdate u, Optional<NodeInfo> registered, boolean verify) {
    for (int i = 0; i < u.qualities().size(); i++) {
      int size = u.qualities().get(i).length;
      if (size > maxPayloadBytes) {
        throw new IllegalArgumentException(
            "qualities["
                + i
                + "]: "
                + size
                + " bytes for "
                + u
                + " is over propagation.max-payload-bytes="
                + maxPayloadBytes);
      }
    }
    NodeInfo source =
        registered
            .filter(n -> n.status() == NodeStatus.ACTIVE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "source: '" + u.source() + "' is not an active registered node"));
    if (verify && !u.verify(source.publicKey())) {
      throw new IllegalArgumentException(
          "signature: not node " + u.source() + "'s signature of " + u + "; nothing sent");
    }
  }

  /** Whether {@code u} is the next update after {@code head} (null: no stream yet). */
  private static Outcome advance(StreamHead head, StateUpdate u, boolean resent) {
    if (head == null) {
      if (!u.keyframe()) {
        throw new IllegalArgumentException(
            "keyframe: false for the first update of state " + u.stateId() + "; start with one");
      }
      return Outcome.RECORDED;
    }
    if (!head.source().equals(u.source())) {
      throw new IllegalArgumentException(
          "source: node "
              + u.source()
              + " is not the authority of state "
              + u.stateId()
              + " (node "
              + head.source()
              + " is); nothing sent");
    }
    if (u.seq() == head.seq() && Arrays.equals(u.signature(), head.latest().signature())) {
      return Outcome.REPEATED;
    }
    if (resent && u.seq() <= head.seq()) {
      // Signed by the authority (checked) and at or before its head: recorded before the member
      // that took the first call left.
      return Outcome.REPEATED;
    }
    if (u.seq() <= head.seq()) {
      throw new IllegalArgumentException(
          "seq: " + u.seq() + " for state " + u.stateId() + " is not after " + head.seq());
    }
    if (!u.keyframe() && u.keyframeSeq() != head.keyframe().seq()) {
      throw new IllegalArgumentException(
          "keyframeSeq: "
              + u.keyframeSeq()
              + " for "
              + u
              + " is not the stream's keyframe "
              + head.keyframe().seq());
    }
    return Outcome.RECORDED;
  }

  /** The head of {@code stateId}'s stream, if it has one. */
  public Optional<StreamHead> head(String stateId) {
    return Optional.ofNullable(heads.get(stateId));
  }

  /** The states whose heads this member owns. */
  public Set<String> localStates() {
    return heads.localKeySet();
  }
}
