package io.swarmgrid.storage.propagation;

import java.util.Optional;

/**
 * What a target holds of one state: the keyframe it applied and the latest delta on it.
 *
 * @param stateId the state
 * @param keyframe the keyframe applied
 * @param delta the latest delta applied on that keyframe, or null
 * @param applied updates applied so far
 * @param skipped updates not applied (older than what was held, or a delta on a keyframe the target
 *     does not hold)
 */
public record StateView(
    String stateId, StateDelivery keyframe, StateDelivery delta, long applied, long skipped) {

  /** The sequence number of the latest update applied. */
  public long seq() {
    return delta == null ? keyframe.seq() : delta.seq();
  }

  /** The latest update applied. */
  public StateDelivery latest() {
    return delta == null ? keyframe : delta;
  }

  /** The latest delta, if one was applied on the keyframe. */
  public Optional<StateDelivery> latestDelta() {
    return Optional.ofNullable(delta);
  }

  /**
   * This view after {@code d}, or this view with one more skip if {@code d} cannot be applied: a
   * keyframe applies if it is newer than what is held; a delta if it is newer and on the held
   * keyframe.
   */
  StateView apply(StateDelivery d) {
    if (d.seq() <= seq()) {
      return new StateView(stateId, keyframe, delta, applied, skipped + 1);
    }
    if (d.keyframe()) {
      return new StateView(stateId, d, null, applied + 1, skipped);
    }
    if (d.keyframeSeq() != keyframe.seq()) {
      return new StateView(stateId, keyframe, delta, applied, skipped + 1);
    }
    return new StateView(stateId, keyframe, d, applied + 1, skipped);
  }

  /** The view that starts from keyframe {@code d}. */
  static Optional<StateView> start(StateDelivery d) {
    return d.keyframe() ? Optional.of(new StateView(d.stateId(), d, null, 1, 0)) : Optional.empty();
  }
}
