package io.swarmgrid.tasks.diffusion;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims a chunk for a node, atomically on the chunk's partition. Claims of members that left, or
 * older than the lease, are dropped first. The claim is granted when the chunk is not agreed, the
 * node has neither claimed nor answered it, fewer than {@code maxCopies} copies are running or in,
 * fewer than {@code redundancy} copies are live or agreeing is still pending, and the node's member
 * holds no copy yet unless every live member does (copies on distinct members, as far as there are
 * members).
 */
public final class ClaimChunk
    implements EntryProcessor<String, ShareState, ClaimChunk.Outcome>, IdentifiedDataSerializable {

  /** What a claim got. */
  public enum Outcome {
    /** The node holds the claim now. */
    CLAIMED,
    /** The chunk is agreed; nothing left to do. */
    AGREED,
    /** Enough copies are running or in, or the node or its member has one. */
    TAKEN,
    /** No such chunk (its task finished or expired). */
    GONE
  }

  private Claim claim;
  private long leaseMillis;
  private Set<String> liveHosts;
  private int redundancy;
  private int maxCopies;

  ClaimChunk() {}

  /**
   * @param claim the claim asked for
   * @param leaseMillis claims older than this are dropped
   * @param liveHosts UUIDs of the members in the cluster now
   * @param redundancy copies wanted
   * @param maxCopies copies at most (tie-breakers included)
   */
  public ClaimChunk(
      Claim claim, long leaseMillis, Set<String> liveHosts, int redundancy, int maxCopies) {
    this.claim = claim;
    this.leaseMillis = leaseMillis;
    this.liveHosts = Set.copyOf(liveHosts);
    this.redundancy = redundancy;
    this.maxCopies = maxCopies;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.DIFFUSION;
  }

  @Override
  public int getClassId() {
    return DiffusionFactory.CLAIM_CHUNK;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(claim);
    out.writeLong(leaseMillis);
    out.writeStringArray(liveHosts.toArray(new String[0]));
    out.writeInt(redundancy);
    out.writeInt(maxCopies);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    claim = in.readObject();
    leaseMillis = in.readLong();
    liveHosts = Set.of(in.readStringArray());
    redundancy = in.readInt();
    maxCopies = in.readInt();
  }

  @Override
  public Outcome process(Map.Entry<String, ShareState> entry) {
    ShareState s = entry.getValue();
    if (s == null) {
      return Outcome.GONE;
    }
    if (s.isAgreed()) {
      return Outcome.AGREED;
    }
    List<Claim> live = new ArrayList<>();
    for (Claim c : s.claims()) {
      if (liveHosts.contains(c.hostUuid()) && claim.claimedAt() - c.claimedAt() < leaseMillis) {
        live.add(c);
      }
    }
    boolean mine =
        live.stream().anyMatch(c -> c.nodeId().equals(claim.nodeId()))
            || s.copies().stream().anyMatch(c -> c.nodeId().equals(claim.nodeId()));
    int running = live.size() + s.copies().size();
    // Copies still needed: the redundancy while no disagreement, one more per disagreeing copy.
    long largestGroup =
        s.copies().stream()
            .mapToLong(c -> s.copies().stream().filter(o -> o.result().equals(c.result())).count())
            .max()
            .orElse(0);
    int quorum = redundancy / 2 + 1;
    int wanted =
        (int) Math.min(maxCopies, Math.max(redundancy, s.copies().size() + quorum - largestGroup));
    boolean hostHasOne =
        live.stream().anyMatch(c -> c.hostUuid().equals(claim.hostUuid()))
            || s.copies().stream().anyMatch(c -> c.hostUuid().equals(claim.hostUuid()));
    Set<String> hostsWithCopy = new java.util.HashSet<>();
    live.forEach(c -> hostsWithCopy.add(c.hostUuid()));
    s.copies().forEach(c -> hostsWithCopy.add(c.hostUuid()));
    boolean everyHostHasOne = hostsWithCopy.containsAll(liveHosts);
    if (mine || running >= wanted || (hostHasOne && !everyHostHasOne)) {
      if (live.size() != s.claims().size()) {
        set(entry, new ShareState(s.taskId(), s.chunk(), live, s.copies(), null));
      }
      return Outcome.TAKEN;
    }
    live.add(claim);
    set(entry, new ShareState(s.taskId(), s.chunk(), live, s.copies(), null));
    return Outcome.CLAIMED;
  }

  static void set(Map.Entry<String, ShareState> entry, ShareState value) {
    // The entry expires with its task: keep the TTL it was created with.
    if (entry instanceof com.hazelcast.map.ExtendedMapEntry<String, ShareState> e) {
      e.setValueWithoutChangingExpiryTime(value);
    } else {
      entry.setValue(value);
    }
  }
}
