package io.swarmgrid.storage.learning;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A participant's model for one round attempt in {@code swarm.learning.updates}, key {@link #key}.
 * The participant signs {@link #statement()}: job, round, attempt, participant, sample count and
 * the SHA-256 of the weights, so the signed bytes are small enough to be evidence material. Compact
 * type name {@code swarmgrid.SignedUpdate}.
 *
 * @param jobId the training job
 * @param round 1-based round
 * @param attempt the round's attempt (a retried round has a new attempt; old ones are ignored)
 * @param participant the participant's node id (a registered node with a public key)
 * @param samples training samples behind the update
 * @param weights the trained parameters
 * @param signature the participant's Ed25519 signature over {@link #statement()}
 */
public record SignedUpdate(
    String jobId,
    int round,
    int attempt,
    String participant,
    long samples,
    double[] weights,
    byte[] signature) {

  private static final String DOMAIN = "swarmgrid.learning.update.v1";

  /** Checks the ids; the weights and signature are checked by the aggregator. */
  public SignedUpdate {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(participant, "participant");
    weights = weights == null ? new double[0] : weights;
    signature = signature == null ? new byte[0] : signature;
  }

  /** The map key of the update of training shard {@code shard} in a round attempt. */
  public static String key(String jobId, int round, int attempt, int shard) {
    return jobId + "/" + round + "/" + attempt + "/shard-" + shard;
  }

  /** The bytes the participant signs. */
  public byte[] statement() {
    return statement(jobId, round, attempt, participant, samples, weights);
  }

  /** The bytes a participant signs for these values. */
  public static byte[] statement(
      String jobId, int round, int attempt, String participant, long samples, double[] weights) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(DOMAIN);
      out.writeUTF(jobId);
      out.writeInt(round);
      out.writeInt(attempt);
      out.writeUTF(participant);
      out.writeLong(samples);
      out.write(sha256(weights));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** What a statement says, or empty if the bytes are not one. */
  public static Optional<Statement> decode(byte[] statement) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(statement))) {
      if (!DOMAIN.equals(in.readUTF())) {
        return Optional.empty();
      }
      Statement s =
          new Statement(in.readUTF(), in.readInt(), in.readInt(), in.readUTF(), in.readLong());
      byte[] hash = new byte[32];
      in.readFully(hash);
      return in.available() == 0 ? Optional.of(s) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The fields of a signed statement. */
  public record Statement(String jobId, int round, int attempt, String participant, long samples) {}

  static byte[] sha256(double[] weights) {
    ByteBuffer b = ByteBuffer.allocate(weights.length * Double.BYTES);
    for (double w : weights) {
      b.putDouble(w);
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(b.array());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedUpdate u
        && jobId.equals(u.jobId)
        && round == u.round
        && attempt == u.attempt
        && participant.equals(u.participant)
        && samples == u.samples
        && Arrays.equals(weights, u.weights)
        && Arrays.equals(signature, u.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, round, attempt, participant, samples);
  }

  @Override
  public String toString() {
    return "SignedUpdate["
        + jobId
        + "/"
        + round
        + "/"
        + attempt
        + " by "
        + participant
        + ", "
        + samples
        + " samples]";
  }
}
