package io.swarmgrid.storage.propagation;

import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * One update of a state stream, signed by its source. A keyframe holds the whole state; a delta
 * holds a change against the keyframe {@code keyframeSeq} (not against the previous delta), so a
 * target that misses deltas can still apply the next one. Compact type name {@code
 * swarmgrid.StateUpdate}.
 *
 * @param stateId the state
 * @param source the node that publishes it: the state's authority
 * @param seq position in the stream, from 1, increasing
 * @param publishedAt epoch millis at the source
 * @param priority the source's class for this update; {@link Priority#EMERGENCY} makes it urgent
 *     for every interested node, any other leaves the class to each node's interest level
 * @param keyframe whether this is a keyframe
 * @param keyframeSeq the keyframe a delta applies to ({@code seq} itself for a keyframe)
 * @param qualities the payload at one or more quality levels, full quality first, each one smaller
 *     or equal to the one before
 * @param signature the source's Ed25519 signature of {@link #signingBytes()}
 */
public record StateUpdate(
    String stateId,
    String source,
    long seq,
    long publishedAt,
    Priority priority,
    boolean keyframe,
    long keyframeSeq,
    List<byte[]> qualities,
    byte[] signature) {

  /** Checks the fields; names the field and value that is wrong. */
  public StateUpdate {
    Objects.requireNonNull(stateId, "stateId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(signature, "signature");
    qualities = List.copyOf(qualities);
    if (stateId.isEmpty() || stateId.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "stateId: '" + stateId + "' must be non-empty and hold no '*'");
    }
    if (seq < 1) {
      throw new IllegalArgumentException("seq: " + seq + " for state " + stateId + " is below 1");
    }
    if (keyframe ? keyframeSeq != seq : keyframeSeq < 1 || keyframeSeq >= seq) {
      throw new IllegalArgumentException(
          "keyframeSeq: "
              + keyframeSeq
              + " for "
              + (keyframe ? "keyframe " : "delta ")
              + seq
              + " of state "
              + stateId
              + (keyframe ? " must equal seq" : " must be an earlier keyframe"));
    }
    if (qualities.isEmpty()) {
      throw new IllegalArgumentException("qualities: none given for state " + stateId);
    }
  }

  /** The full-quality payload. */
  public byte[] payload() {
    return qualities.get(0);
  }

  /** The largest payload, in bytes. */
  public int size() {
    return qualities.stream().mapToInt(q -> q.length).max().orElse(0);
  }

  /** The bytes the source signs: every field but the signature, in a fixed layout. */
  public byte[] signingBytes() {
    int size = 64 + stateId.length() + source.length();
    for (byte[] q : qualities) {
      size += 4 + q.length;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeSigning(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void writeSigning(DataOutputStream out) throws IOException {
    out.writeUTF("swarmgrid.StateUpdate/1");
    out.writeUTF(stateId);
    out.writeUTF(source);
    out.writeLong(seq);
    out.writeLong(publishedAt);
    out.writeUTF(priority.name());
    out.writeBoolean(keyframe);
    out.writeLong(keyframeSeq);
    out.writeInt(qualities.size());
    for (byte[] q : qualities) {
      out.writeInt(q.length);
      out.write(q);
    }
    out.flush();
  }

  /**
   * The bytes a source signs for a batch of its updates: the SHA-256 digest of each update's
   * signing bytes and signature, in order. One verification of this signature vouches for every
   * update of the batch (a verification costs about a millisecond on a loaded member; a digest a
   * few microseconds).
   */
  public static byte[] batchSigningBytes(List<StateUpdate> batch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 32 * batch.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("swarmgrid.StateBatch/1");
      out.writeInt(batch.size());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // Each update's signing bytes go straight into the digest: no copy of its payloads.
      DataOutputStream hashed =
          new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
      for (StateUpdate u : batch) {
        u.writeSigning(hashed);
        sha.update(u.signature());
        out.write(sha.digest());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    return bytes.toByteArray();
  }

  /** Whether the signature is {@code publicKey}'s. */
  public boolean verify(byte[] publicKey) {
    return NodeKeys.verify(publicKey, signingBytes(), signature);
  }

  /** An update signed with {@code keys} (the source's key pair). */
  public static StateUpdate signed(
      NodeKeys keys,
      String stateId,
      String source,
      long seq,
      long publishedAt,
      Priority priority,
      boolean keyframe,
      long keyframeSeq,
      List<byte[]> qualities) {
    StateUpdate unsigned =
        new StateUpdate(
            stateId,
            source,
            seq,
            publishedAt,
            priority,
            keyframe,
            keyframeSeq,
            qualities,
            new byte[0]);
    return new StateUpdate(
        stateId,
        source,
        seq,
        publishedAt,
        priority,
        keyframe,
        keyframeSeq,
        qualities,
        keys.sign(unsigned.signingBytes()));
  }

  @Override
  public String toString() {
    return (keyframe ? "keyframe " : "delta ")
        + stateId
        + "#"
        + seq
        + " from "
        + source
        + " ("
        + qualities.size()
        + " qualities, "
        + size()
        + " bytes)";
  }
}
