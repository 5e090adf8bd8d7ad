package io.swarmgrid.plugin.learning.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.consensus.ConsensusEngine;
import io.swarmgrid.plugin.learning.LearningEngine;
import io.swarmgrid.plugin.learning.LearningFactory;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Asks a member's node to vote on a model promotion. Each member judges the proposal's features
 * itself: approve unless the candidate's held-out accuracy is more than its {@code
 * swarmgrid.learning.promotion-max-drop} below the current model's.
 */
public final class PromotionVote
    implements Callable<Boolean>, HazelcastInstanceAware, IdentifiedDataSerializable {
  private transient HazelcastInstance hz;
  private String proposalId;
  private double candidate;
  private double current;

  /** For deserialization. */
  public PromotionVote() {}

  PromotionVote(String proposalId, double candidate, double current) {
    this.proposalId = proposalId;
    this.candidate = candidate;
    this.current = current;
  }

  /** Votes as {@code ctx}'s node; false without a consensus engine on the member. */
  public static boolean vote(
      LearningContext ctx, String proposalId, double candidate, double current) {
    Optional<ConsensusEngine> consensus = SwarmServices.find(ctx.hz(), ConsensusEngine.class);
    if (consensus.isEmpty() || ctx.reputations().isQuarantined(ctx.node().nodeId())) {
      return false;
    }
    consensus.get().vote(proposalId, approves(ctx, candidate, current) ? 0 : 1, 1.0);
    return true;
  }

  /** Whether {@code ctx}'s member approves: the candidate is not more than its max drop below. */
  static boolean approves(LearningContext ctx, double candidate, double current) {
    return candidate >= current - ctx.config().promotionMaxDrop();
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public Boolean call() {
    return SwarmServices.require(hz, LearningEngine.class, "vote on a model promotion")
        .votePromotion(proposalId, candidate, current);
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.LEARNING;
  }

  @Override
  public int getClassId() {
    return LearningFactory.PROMOTION_VOTE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(proposalId);
    out.writeDouble(candidate);
    out.writeDouble(current);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    proposalId = in.readString();
    candidate = in.readDouble();
    current = in.readDouble();
  }
}
