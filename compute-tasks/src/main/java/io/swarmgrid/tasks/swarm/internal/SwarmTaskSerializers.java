package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The {@link DataSerializableFactory} of the swarm agent processors (factory id {@value
 * #FACTORY_ID}); named in {@code swarmgrid-member.yaml} and registered on clients by {@code
 * SwarmSerialization}.
 */
public final class SwarmTaskSerializers implements DataSerializableFactory {
  /** Factory id of the swarm agent processors (16: issue 16; 01: compute-tasks). */
  public static final int FACTORY_ID = 1601;

  static final int STEP = 1;
  static final int ADD = 2;
  static final int REMOVE = 3;
  static final int PAUSE = 4;
  static final int APPLY = 5;
  static final int SHARD_SCORE_TASK = 6;
  static final int SHARD_SCORE = 7;
  static final int CREATE_SEARCH = 8;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case STEP -> new StepProcessor();
      case ADD -> new AddAgentProcessor();
      case REMOVE -> new RemoveAgentProcessor();
      case PAUSE -> new PauseProcessor();
      case APPLY -> new ApplyStateProcessor();
      case SHARD_SCORE_TASK -> new ShardScoreTask();
      case SHARD_SCORE -> new ShardScore();
      case CREATE_SEARCH -> new CreateSearchProcessor();
      default -> null;
    };
  }
}
