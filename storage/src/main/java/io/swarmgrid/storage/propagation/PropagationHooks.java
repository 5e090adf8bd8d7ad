package io.swarmgrid.storage.propagation;

import java.util.List;

/**
 * What the propagation engine offers the member calls of {@link PropagationCalls}; the engine
 * registers itself under this type in the member's {@code SwarmServices}.
 */
public interface PropagationHooks {
  /**
   * Checks and records {@code update} on this member (the owner of its state's partition) and
   * schedules it for every interested node; returns how many nodes it was scheduled for.
   *
   * @throws IllegalArgumentException if the source is not the state's authority, the signature is
   *     not the source's, the sequence is not after the stream's, or the payload is over the limit;
   *     nothing is recorded or sent then
   */
  int publish(StateUpdate update);

  /**
   * Checks, records and schedules a source's {@code updates} of one state, in order, as {@link
   * #publish} does each: a refused update changes nothing and does not stop the ones after it.
   *
   * @param resent the batch is sent again after the member it went to left: an update of the
   *     stream's authority at or before the head was recorded already and is taken as a repeat
   * @param batchSignature the source's signature of {@link StateUpdate#batchSigningBytes}: checked
   *     once for the batch instead of each update's (all from one source; if it fails every update
   *     is refused); null to check each update's own signature
   * @return one outcome per update, in order
   */
  default List<PublishOutcome> publishAll(
      List<StateUpdate> updates, boolean resent, byte[] batchSignature) {
    return publishAll(updates, resent, batchSignature, 0);
  }

  /**
   * As {@link #publishAll(List, boolean, byte[])}, for one of several calls of a state under way at
   * once: taken only after the call whose last update was {@code after} (0: none) was taken on this
   * member, or after a bounded wait for it, so that a source's calls are recorded in order.
   */
  List<PublishOutcome> publishAll(
      List<StateUpdate> updates, boolean resent, byte[] batchSignature, long after);

  /**
   * Takes {@code nodeId}'s interest in a state or pattern ({@code *} matches any run of
   * characters), which the caller wrote to {@code swarm.interests} before, and sends the node the
   * latest keyframe and delta of every matching stream this member owns.
   */
  void declare(String stateIdOrPattern, String nodeId, InterestLevel level);

  /** Sets {@code nodeId}'s budget, bytes per second (0: unlimited), on this member. */
  void budget(String nodeId, long bytesPerSecond);

  /** This member's counters. */
  PropagationStats localStats();
}
