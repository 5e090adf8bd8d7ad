package io.swarmgrid.tasks.diffusion;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates diffusion's entry processors and member calls when they arrive ({@code
 * IdentifiedDataSerializable}, factory id {@link FactoryIds#DIFFUSION}). Registered by {@code
 * SwarmSerialization}; members name it in {@code swarmgrid-member.yaml}.
 */
public final class DiffusionFactory implements DataSerializableFactory {
  static final int CLAIM_CHUNK = 1;
  static final int SUBMIT_COPY = 2;
  static final int AGREED = 3;
  static final int FINISH = 4;
  static final int REINJECT = 5;
  static final int RECORD_VISIT = 6;
  static final int SETTINGS = 7;
  static final int PING = 8;
  static final int LIVE_TASKS = 9;
  static final int SETTINGS_VALUE = 10;
  static final int VOTE = 11;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case CLAIM_CHUNK -> new ClaimChunk();
      case SUBMIT_COPY -> new SubmitCopy();
      case AGREED -> new TaskUpdates.Agreed();
      case FINISH -> new TaskUpdates.Finish();
      case REINJECT -> new TaskUpdates.Reinject();
      case RECORD_VISIT -> new TaskUpdates.RecordVisit();
      case SETTINGS -> new SettingsTask();
      case PING -> new Ping();
      case LIVE_TASKS -> new LiveTasks();
      case SETTINGS_VALUE -> new DiffusionSettings();
      case VOTE -> new SubmitCopy.Vote();
      default -> null;
    };
  }
}
