package io.swarmgrid.tasks.diffusion;

import com.hazelcast.query.Predicate;
import java.util.Map;

/**
 * Matches the tasks that give their content energy: running tasks, and information tasks (until
 * they expire). Evaluated on the members, so finished results do not travel.
 */
public final class LiveTasks implements Predicate<String, DiffusionTask> {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean apply(Map.Entry<String, DiffusionTask> entry) {
    DiffusionTask t = entry.getValue();
    return t != null && (t.state() == TaskState.RUNNING || t.information());
  }
}
