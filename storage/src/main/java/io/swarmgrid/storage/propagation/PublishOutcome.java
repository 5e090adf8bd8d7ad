package io.swarmgrid.storage.propagation;

/**
 * What became of one update of a publish batch.
 *
 * @param targets the nodes it was scheduled for (0 if refused)
 * @param refusal why it was refused, naming the field and value; null if it was accepted
 */
public record PublishOutcome(int targets, String refusal) {

  /** An accepted update scheduled for {@code targets} nodes. */
  public static PublishOutcome accepted(int targets) {
    return new PublishOutcome(targets, null);
  }

  /** A refused update. */
  public static PublishOutcome refused(String why) {
    return new PublishOutcome(0, why);
  }

  /** Whether it was accepted. */
  public boolean accepted() {
    return refusal == null;
  }
}
