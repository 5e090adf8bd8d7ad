package io.swarmgrid.storage.consensus;

import io.swarmgrid.storage.identity.NodeKeys;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The votes this process signed, so that casting the same vote again resends the same signed bytes.
 * A retry after an ambiguous failure (a timeout, a member that died with the answer) used to sign
 * again with a new timestamp: two different signed votes of one voter, filed as equivocation
 * against an honest voter. Remembers the newest {@value #CAPACITY} (voter, proposal) pairs.
 * Thread-safe.
 */
public final class SignedVotes {
  /** Most (voter, proposal) pairs remembered. */
  public static final int CAPACITY = 10_000;

  private record Key(String voter, String proposalId) {}

  private record Signed(byte[] publicKey, Vote vote) {}

  private final Map<Key, Signed> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Signed> eldest) {
          return size() > CAPACITY;
        }
      };

  /**
   * The vote of {@code voter} on {@code proposalId}: the one signed earlier if it says the same
   * (choice, confidence, reasoning, same key), else a new one signed by {@code keys} at {@code
   * now}.
   */
  public Vote sign(
      NodeKeys keys,
      String voter,
      String proposalId,
      int choice,
      double confidence,
      double[] reasoning,
      long now) {
    Key key = new Key(voter, proposalId);
    synchronized (recent) {
      Signed earlier = recent.get(key);
      if (earlier != null
          && Arrays.equals(earlier.publicKey(), keys.publicKey())
          && earlier.vote().choice() == choice
          && Double.compare(earlier.vote().confidence(), confidence) == 0
          && Arrays.equals(earlier.vote().reasoning(), reasoning)) {
        return earlier.vote();
      }
    }
    Vote vote = Vote.signed(keys, proposalId, voter, choice, confidence, reasoning, now);
    synchronized (recent) {
      recent.put(key, new Signed(keys.publicKey(), vote));
    }
    return vote;
  }
}
