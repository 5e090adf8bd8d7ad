package io.swarmgrid.plugin.propagation.internal;

/**
 * A scheduler decision: send {@code candidate} to {@code target} at {@code quality}.
 *
 * @param target the node
 * @param candidate the update
 * @param quality the quality level chosen (0 = full)
 * @param bytes its size at that quality
 * @param waitedNanos time from offer to this decision
 * @param <P> the payload type
 */
public record Send<P>(
    String target, Candidate<P> candidate, int quality, int bytes, long waitedNanos) {

  /** Whether it goes below the quality the target asked for. */
  public boolean degraded() {
    return quality > candidate.baseQuality();
  }
}
