package io.swarmgrid.tasks.pipeline;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.tasks.pipeline.internal.LogTable;
import io.swarmgrid.tasks.pipeline.internal.WordTable;

/**
 * Creates the pipelines' accumulators when they arrive from another member ({@code
 * IdentifiedDataSerializable}, factory id {@link FactoryIds#PIPELINE}): word count's {@link
 * WordTable}. Registered by {@code SwarmSerialization}; members name it in {@code
 * swarmgrid-member.yaml}; log analysis's {@link LogTable}.
 */
public final class PipelineFactory implements DataSerializableFactory {
  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case WordTable.CLASS_ID -> new WordTable();
      case LogTable.CLASS_ID -> new LogTable();
      default -> null;
    };
  }
}
