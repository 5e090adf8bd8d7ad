package io.swarmgrid.tasks.diffusion;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.query.Predicate;
import io.swarmgrid.storage.FactoryIds;
import java.util.Map;

/**
 * Matches the tasks that give their content energy: running tasks, and information tasks (until
 * they expire). Evaluated on the members, so finished results do not travel.
 */
public final class LiveTasks
    implements Predicate<String, DiffusionTask>, IdentifiedDataSerializable {
  @Override
  public int getFactoryId() {
    return FactoryIds.DIFFUSION;
  }

  @Override
  public int getClassId() {
    return DiffusionFactory.LIVE_TASKS;
  }

  @Override
  public void writeData(ObjectDataOutput out) {}

  @Override
  public void readData(ObjectDataInput in) {}

  @Override
  public boolean apply(Map.Entry<String, DiffusionTask> entry) {
    DiffusionTask t = entry.getValue();
    return t != null && (t.state() == DiffusionTaskState.RUNNING || t.information());
  }
}
