package io.swarmgrid.storage.balance;

import com.hazelcast.partition.PartitionAware;

/**
 * Key of a task in {@code swarm.tasks}. A task id is {@code <unique>@<dataKey>} when the task works
 * on a map entry, and the key's partition is the data key's: the task is stored, assigned and (on
 * members) run on the member that owns its data. Without a data key the id's own hash places it.
 *
 * @param taskId the task id
 */
public record TaskKey(String taskId) implements PartitionAware<String> {

  /** The key of {@code taskId}. */
  public TaskKey {
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException(
          "taskId: " + (taskId == null ? "missing" : "'" + taskId + "' is blank"));
    }
  }

  /** The id of a new task on {@code dataKey} (empty for none). */
  public static String newId(String unique, String dataKey) {
    return dataKey == null || dataKey.isEmpty() ? unique : unique + "@" + dataKey;
  }

  /** The data key the id carries, or empty. */
  public String dataKey() {
    int at = taskId.indexOf('@');
    return at < 0 ? "" : taskId.substring(at + 1);
  }

  @Override
  public String getPartitionKey() {
    String data = dataKey();
    return data.isEmpty() ? taskId : data;
  }
}
