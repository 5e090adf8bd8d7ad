package io.swarmgrid.storage.evidence;

import io.swarmgrid.storage.consensus.Vote;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a vote back from the bytes its voter signed ({@link Vote#signedBytes()}). The decoded vote
 * is re-encoded with {@link Vote#signedBytes()} and must give the same bytes, so the reading can
 * never disagree with what consensus signs.
 */
final class SignedVotes {
  private static final int MAX_STRING_BYTES = 1 << 16;

  private SignedVotes() {}

  /** The vote {@code payload} encodes, or empty if it is not a vote's signed bytes. */
  static Optional<Vote> decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      readString(in);
      String proposalId = readString(in);
      String voter = readString(in);
      int choice = in.readInt();
      double confidence = Double.longBitsToDouble(in.readLong());
      int n = in.readInt();
      if (n < 0 || (long) n * Long.BYTES > in.available()) {
        return Optional.empty();
      }
      double[] reasoning = new double[n];
      for (int i = 0; i < n; i++) {
        reasoning[i] = Double.longBitsToDouble(in.readLong());
      }
      long timestamp = in.readLong();
      Vote vote =
          new Vote(proposalId, voter, choice, confidence, reasoning, timestamp, new byte[0]);
      return Arrays.equals(vote.signedBytes(), payload) ? Optional.of(vote) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING_BYTES || length > in.available()) {
      throw new IOException("bad string length " + length);
    }
    byte[] b = in.readNBytes(length);
    return new String(b, StandardCharsets.UTF_8);
  }
}
