package io.swarmgrid.plugin.learning;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.plugin.learning.internal.PromotionVote;
import io.swarmgrid.plugin.learning.internal.TrainTask;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates the learning engine's member-to-member calls ({@code IdentifiedDataSerializable}, factory
 * id {@link FactoryIds#LEARNING}). Registered by {@code PluginSerialization}; members name it in
 * {@code swarmgrid-member.yaml}.
 */
public final class LearningFactory implements DataSerializableFactory {
  /** Class id of {@link TrainTask}. */
  public static final int TRAIN = 1;

  /** Class id of {@link PromotionVote}. */
  public static final int PROMOTION_VOTE = 2;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case TRAIN -> new TrainTask();
      case PROMOTION_VOTE -> new PromotionVote();
      default -> null;
    };
  }
}
