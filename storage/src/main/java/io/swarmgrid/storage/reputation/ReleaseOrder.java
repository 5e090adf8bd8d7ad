package io.swarmgrid.storage.reputation;

import io.swarmgrid.storage.identity.NodeKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An operator's signed order to release one quarantined node. It names the node and the state of
 * the reputation it was signed for ({@link #stateOf}), so it releases that quarantine only: once
 * the node is released, or its record changes (new evidence, a new failure), the same order is
 * refused and cannot be replayed.
 *
 * @param nodeId the quarantined node
 * @param state the reputation's state when the operator signed ({@link #stateOf})
 * @param signature the operator's Ed25519 signature over {@link #signingBytes()}
 */
public record ReleaseOrder(String nodeId, String state, byte[] signature) {
  private static final String DOMAIN = "swarmgrid.release.v1";

  /** Copies the signature; no field may be null. */
  public ReleaseOrder {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(state, "state");
    signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** An order releasing the quarantine {@code current} shows, signed with the operator's keys. */
  public static ReleaseOrder sign(Reputation current, NodeKeys operatorKeys) {
    String state = stateOf(current);
    return new ReleaseOrder(
        current.nodeId(), state, operatorKeys.sign(signingBytes(current.nodeId(), state)));
  }

  /**
   * What an order is bound to: the record's last change and its counts. Every event that can
   * quarantine a node changes one of them, so a new quarantine needs a new order.
   */
  public static String stateOf(Reputation r) {
    return "updatedAt="
        + r.updatedAt()
        + ",evidence="
        + r.evidenceCount()
        + ",failures="
        + r.failures()
        + ",timeouts="
        + r.timeouts()
        + ",wrongVotes="
        + r.wrongVotes()
        + ",quarantined="
        + r.quarantined();
  }

  /** The bytes the operator signs. */
  public byte[] signingBytes() {
    return signingBytes(nodeId, state);
  }

  /** Whether the signature verifies with {@code operatorPublicKey}. */
  public boolean verify(byte[] operatorPublicKey) {
    return NodeKeys.verify(operatorPublicKey, signingBytes(), signature);
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReleaseOrder r
        && nodeId.equals(r.nodeId)
        && state.equals(r.state)
        && Arrays.equals(signature, r.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeId, state, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "ReleaseOrder[" + nodeId + ", " + state + "]";
  }

  private static byte[] signingBytes(String nodeId, String state) {
    // Lengths first, so that no split of one string into node and state reads as another.
    return (DOMAIN + "|" + nodeId.length() + "|" + nodeId + "|" + state.length() + "|" + state)
        .getBytes(StandardCharsets.UTF_8);
  }
}
