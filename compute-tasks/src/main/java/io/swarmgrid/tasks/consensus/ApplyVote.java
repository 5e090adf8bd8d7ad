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
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.Map;

/**
 * Applies one signed vote to its proposal's tally, on the partition that owns it. Checks, in order:
 * the proposal is open, before its deadline, the voter is in the electorate, fields are in range,
 * the signature verifies, the voter has not equivocated, the vote is not a duplicate. The backups
 * receive the accepted vote and the resulting status ({@link TallyDelta}), so they never re-verify
 * or re-judge the deadline.
 */
public final class ApplyVote
    implements EntryProcessor<String, Tally, VoteResult>,
        HazelcastInstanceAware,
        IdentifiedDataSerializable {
  private static final long serialVersionUID = 1L;

  private Vote vote;
  private transient HazelcastInstance hz;
  private transient Tally before;
  private transient Tally next;
  private transient String key;

  /** For deserialization. */
  public ApplyVote() {}

  /** The processor for {@code vote}. */
  public ApplyVote(Vote vote) {
    this.vote = vote;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public VoteResult process(Map.Entry<String, Tally> entry) {
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
    TallyRules.Applied applied =
        TallyRules.apply(entry.getValue(), vote, System.currentTimeMillis(), maxVector);
    before = entry.getValue();
    key = entry.getKey();
    next = applied.next();
    if (next != null) {
      entry.setValue(next);
    }
    if (hooks != null) {
      hooks.voteApplied(applied.effect());
    }
    return new VoteResult(applied.receipt());
  }

  @Override
  public EntryProcessor<String, Tally, VoteResult> getBackupProcessor() {
    return next == null
        ? null
        : new TallyDelta(Map.of(key, TallyDelta.Change.between(before, next))).asBackupOf();
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.APPLY_VOTE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(vote);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    vote = in.readObject();
  }
}
