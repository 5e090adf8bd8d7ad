package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies signed votes in batches: all of a decision's votes in one processor on its tally, or one
 * voter's votes on many proposals in one {@code submitToKeys}. Each vote goes through {@link
 * TallyRules} exactly as {@link ApplyVote} would apply it alone, in the order given. Backups get a
 * {@link TallyDelta} (the accepted votes of their partition's tallies, {@link PartitionChanges}),
 * not the tallies.
 */
public final class ApplyVotes
    implements EntryProcessor<String, Tally, VoteResults>,
        HazelcastInstanceAware,
        IdentifiedDataSerializable {
  private List<Vote> votes;
  private transient HazelcastInstance hz;
  private transient Map<String, List<Vote>> byProposal;
  private final transient PartitionChanges<TallyDelta.Change> changes = new PartitionChanges<>();

  /** For deserialization. */
  public ApplyVotes() {}

  /** The processor for {@code votes}; run it on the keys of their proposals. */
  public ApplyVotes(List<Vote> votes) {
    this.votes = List.copyOf(votes);
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public VoteResults process(Map.Entry<String, Tally> entry) {
    changes.processing();
    int maxVector = ConsensusConfig.DEFAULTS.maxVectorLength();
    ConsensusHooks hooks = null;
    if (hz != null) {
      SwarmServices services = SwarmServices.of(hz);
      maxVector =
          services
              .get(SwarmGridConfig.class)
              .map(c -> c.consensus().maxVectorLength())
              .orElse(maxVector);
      hooks = services.get(ConsensusHooks.class).orElse(null);
    }
    Tally before = entry.getValue();
    Tally tally = before;
    List<VoteReceipt> receipts = new ArrayList<>();
    for (Vote v : byProposal().getOrDefault(entry.getKey(), List.of())) {
      TallyRules.Applied applied =
          TallyRules.apply(tally, v, System.currentTimeMillis(), maxVector);
      if (applied.next() != null) {
        tally = applied.next();
      }
      if (hooks != null) {
        hooks.voteApplied(applied.effect());
      }
      receipts.add(applied.receipt());
    }
    if (tally != before) {
      entry.setValue(tally);
      changes.put(entry.getKey(), TallyDelta.Change.between(before, tally));
    }
    return new VoteResults(receipts);
  }

  private synchronized Map<String, List<Vote>> byProposal() {
    if (byProposal == null) {
      Map<String, List<Vote>> map = new HashMap<>();
      for (Vote v : votes) {
        map.computeIfAbsent(v.proposalId(), k -> new ArrayList<>()).add(v);
      }
      byProposal = map;
    }
    return byProposal;
  }

  @Override
  public EntryProcessor<String, Tally, VoteResults> getBackupProcessor() {
    return changes.backup(c -> new TallyDelta(c).<VoteResults>asBackupOf());
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.APPLY_VOTES;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(votes.size());
    for (Vote v : votes) {
      out.writeObject(v);
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<Vote> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(in.readObject());
    }
    votes = List.copyOf(list);
  }
}
