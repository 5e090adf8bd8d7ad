package io.swarmgrid.storage.consensus;

import io.swarmgrid.storage.identity.NodeKeys;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A signed vote. The signature is Ed25519 by the voter's key over {@link #signedBytes()}, a
 * canonical encoding of every other field. Compact type name {@code swarmgrid.Vote}.
 *
 * @param proposalId the proposal
 * @param voter node id of the voter
 * @param choice index into the proposal's options
 * @param confidence the voter's confidence, 0..1; its weight is confidence x reputation
 * @param reasoning the voter's reasoning vector
 * @param timestamp epoch millis when the vote was cast
 * @param signature 64-byte Ed25519 signature
 */
public record Vote(
    String proposalId,
    String voter,
    int choice,
    double confidence,
    double[] reasoning,
    long timestamp,
    byte[] signature) {

  private static final String DOMAIN = "swarmgrid-vote-v1";

  /** A vote with its signature made by {@code keys}. */
  public static Vote signed(
      NodeKeys keys,
      String proposalId,
      String voter,
      int choice,
      double confidence,
      double[] reasoning,
      long timestamp) {
    Vote unsigned =
        new Vote(proposalId, voter, choice, confidence, reasoning.clone(), timestamp, new byte[0]);
    return new Vote(
        proposalId,
        voter,
        choice,
        confidence,
        unsigned.reasoning,
        timestamp,
        keys.sign(unsigned.signedBytes()));
  }

  /** The canonical bytes the signature covers: every field but the signature, in a fixed order. */
  public byte[] signedBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 8 * reasoning.length);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeString(out, DOMAIN);
      writeString(out, proposalId);
      writeString(out, voter);
      out.writeInt(choice);
      out.writeLong(Double.doubleToLongBits(confidence));
      out.writeInt(reasoning.length);
      for (double r : reasoning) {
        out.writeLong(Double.doubleToLongBits(r));
      }
      out.writeLong(timestamp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Whether the signature is valid for {@code publicKey}. */
  public boolean verify(byte[] publicKey) {
    return NodeKeys.verify(publicKey, signedBytes(), signature);
  }

  /** Whether two votes say the same thing (signatures aside). */
  public boolean sameContent(Vote other) {
    return Arrays.equals(signedBytes(), other.signedBytes());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
