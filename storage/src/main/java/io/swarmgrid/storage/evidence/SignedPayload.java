package io.swarmgrid.storage.evidence;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signed message inside a piece of evidence: the bytes a node signed and its Ed25519 signature.
 * Compact type name {@code swarmgrid.SignedPayload}.
 *
 * @param signerNodeId the node the message claims to come from
 * @param payload the signed bytes, exactly as signed (e.g. a vote's canonical encoding)
 * @param signature the Ed25519 signature over {@code payload}
 */
public record SignedPayload(String signerNodeId, byte[] payload, byte[] signature) {

  /** Copies the arrays; no field may be null. */
  public SignedPayload {
    Objects.requireNonNull(signerNodeId, "signerNodeId");
    payload = Objects.requireNonNull(payload, "payload").clone();
    signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** A copy of the signed bytes. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** A copy of the signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedPayload p
        && signerNodeId.equals(p.signerNodeId)
        && Arrays.equals(payload, p.payload)
        && Arrays.equals(signature, p.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(signerNodeId, Arrays.hashCode(payload), Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "SignedPayload[" + signerNodeId + ", " + payload.length + " bytes]";
  }
}
