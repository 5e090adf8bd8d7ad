package io.swarmgrid.storage.propagation.internal;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The {@link DataSerializableFactory} of propagation's member calls (factory id {@value
 * #FACTORY_ID}); registered on members and clients by {@code SwarmSerialization}.
 */
public final class PropagationSerializers implements DataSerializableFactory {
  /** Factory id of the propagation calls (17: issue 17; 00: calls). */
  public static final int FACTORY_ID = 1700;

  static final int PUBLISH = 1;
  static final int DECLARE = 2;
  static final int BUDGET = 3;
  static final int STATS = 4;
  static final int STATS_ANSWER = 5;
  static final int PUBLISH_BATCH = 6;
  static final int PUBLISH_ANSWER = 7;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case PUBLISH -> new PublishCall();
      case DECLARE -> new DeclareCall();
      case BUDGET -> new BudgetCall();
      case STATS -> new StatsCall();
      case STATS_ANSWER -> new StatsAnswer();
      case PUBLISH_BATCH -> new PublishBatchCall();
      case PUBLISH_ANSWER -> new PublishAnswer();
      default -> null;
    };
  }
}
