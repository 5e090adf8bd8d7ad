package io.swarmgrid.storage.balance;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.internal.TaskLeaseProcessors.Renew;
import io.swarmgrid.storage.internal.TaskLeaseProcessors.RequeueStale;
import io.swarmgrid.storage.internal.TaskProcessors.Add;
import io.swarmgrid.storage.internal.TaskProcessors.Assign;
import io.swarmgrid.storage.internal.TaskProcessors.Cancel;
import io.swarmgrid.storage.internal.TaskProcessors.Complete;
import io.swarmgrid.storage.internal.TaskProcessors.Fail;
import io.swarmgrid.storage.internal.TaskProcessors.Move;
import io.swarmgrid.storage.internal.TaskProcessors.Progress;
import io.swarmgrid.storage.internal.TaskProcessors.Requeue;
import io.swarmgrid.storage.internal.TaskProcessors.Start;
import io.swarmgrid.storage.internal.TaskProcessors.StartAndGet;
import io.swarmgrid.storage.internal.TaskProcessors.Transition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * Typed access to {@code swarm.tasks}. Every change of a task is an entry processor on the task's
 * partition (its data key's partition), so transitions are atomic: a task is assigned once per
 * epoch, and a start, progress report, completion or failure carrying a stale epoch changes
 * nothing. Finished tasks expire after {@code balance.finished-ttl-seconds}; the map holds at most
 * {@code balance.max-tasks} (more are refused). Works on members and clients alike.
 */
public final class TaskStore {
  /** Longest task id or type, in characters. */
  public static final int MAX_ID_LENGTH = 256;

  /** Largest input or result, in characters. */
  public static final int MAX_PAYLOAD_CHARS = 1 << 20;

  /** Longest failure message, in characters; runners cut longer ones with {@link #clip}. */
  public static final int MAX_ERROR_CHARS = 4096;

  private final IMap<TaskKey, Task> tasks;
  private final int maxTasks;
  private final int finishedTtlSeconds;

  /**
   * The store of the cluster {@code hz} belongs to.
   *
   * @param maxTasks {@code balance.max-tasks}
   * @param finishedTtlSeconds {@code balance.finished-ttl-seconds}
   */
  public TaskStore(HazelcastInstance hz, int maxTasks, int finishedTtlSeconds) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks: " + maxTasks + " is not positive");
    }
    if (finishedTtlSeconds < 1) {
      throw new IllegalArgumentException(
          "finishedTtlSeconds: " + finishedTtlSeconds + " is not positive");
    }
    this.tasks = hz.getMap(SwarmMap.TASKS.mapName());
    this.maxTasks = maxTasks;
    this.finishedTtlSeconds = finishedTtlSeconds;
  }

  /** The underlying map (for member-side local queries). */
  public IMap<TaskKey, Task> map() {
    return tasks;
  }

  /**
   * Stores a new queued task.
   *
   * @throws IllegalArgumentException if the id exists; nothing changes
   * @throws IllegalStateException if {@code balance.max-tasks} is reached; nothing changes
   */
  public void add(Task task) {
    add(task, tasks.size());
  }

  /**
   * Stores a new task (queued, assigned or unschedulable) given the number of tasks held, as the
   * caller knows it (a member keeps an estimate, so that a submission costs no cluster-wide count).
   *
   * @throws IllegalArgumentException if the id exists; nothing changes
   * @throws IllegalStateException if {@code held} reached {@code balance.max-tasks}; nothing
   *     changes
   */
  public void add(Task task, int held) {
    // A Task can be built directly (LoadBalancer.submit(Task)), past TaskRequest's checks.
    checkText("taskId", task.taskId());
    checkText("type", task.type());
    checkPayload("input", task.input());
    checkPayload("result", task.result());
    if (held >= maxTasks) {
      throw new IllegalStateException(
          "balance.max-tasks: " + maxTasks + " tasks are held; finish or cancel some");
    }
    if (!Boolean.TRUE.equals(tasks.executeOnKey(task.key(), new Add(task, finishedTtlSeconds)))) {
      throw new IllegalArgumentException("taskId: '" + task.taskId() + "' exists already");
    }
  }

  /** The task, if it exists (finished tasks expire). */
  public Optional<Task> get(String taskId) {
    return Optional.ofNullable(tasks.get(new TaskKey(taskId)));
  }

  /**
   * Assigns a queued task to {@code node}.
   *
   * @return the new epoch, or -1 if the task is not queued (gone, cancelled, assigned meanwhile)
   */
  public long assign(String taskId, String node, double predictedMillis, long now) {
    Long e = tasks.executeOnKey(new TaskKey(taskId), new Assign(node, predictedMillis, now));
    return e == null ? -1 : e;
  }

  /** Marks a queued task unschedulable with {@code reason}; whether it was queued. */
  public boolean unschedulable(String taskId, String reason, long now) {
    return Boolean.TRUE.equals(
        tasks.executeOnKey(
            new TaskKey(taskId),
            new Transition(
                Set.of(TaskState.QUEUED),
                TaskState.UNSCHEDULABLE,
                reason,
                now,
                finishedTtlSeconds)));
  }

  /** Fails a queued task whose deadline passed before it could start; whether it was queued. */
  public boolean expire(String taskId, long now) {
    return Boolean.TRUE.equals(
        tasks.executeOnKey(
            new TaskKey(taskId),
            new Transition(
                Set.of(TaskState.QUEUED),
                TaskState.FAILED,
                "deadline passed before a node could take it",
                now,
                finishedTtlSeconds)));
  }

  /** The node holding the task at {@code epoch} starts it; whether it may. */
  public boolean start(String taskId, String node, long epoch, long now) {
    return Boolean.TRUE.equals(
        tasks.executeOnKey(new TaskKey(taskId), new Start(node, epoch, now)));
  }

  /**
   * Like {@link #start}, answering the started task (one call instead of a read and a start). Use
   * it on members: the answer is a Compact record, which a client may wait long for the schema of.
   */
  public Optional<Task> startAndGet(String taskId, String node, long epoch, long now) {
    return Optional.ofNullable(
        tasks.executeOnKey(new TaskKey(taskId), new StartAndGet(node, epoch, now)));
  }

  /**
   * {@link #startAndGet} without waiting: runners chain the handler on the answer instead of
   * holding a thread per task while the grid answers. Empty (null) if the node no longer holds it.
   */
  public CompletionStage<Task> startAndGetAsync(String taskId, String node, long epoch, long now) {
    return tasks.submitToKey(new TaskKey(taskId), new StartAndGet(node, epoch, now));
  }

  /** {@link #complete} without waiting for the answer. */
  public CompletionStage<Boolean> completeAsync(
      String taskId, String node, long epoch, String result, long now) {
    checkPayload("result", result);
    return tasks.submitToKey(
        new TaskKey(taskId), new Complete(node, epoch, result, now, finishedTtlSeconds));
  }

  /** {@link #fail} without waiting for the answer (the state after it, or null). */
  public CompletionStage<String> failAsync(
      String taskId, String node, long epoch, String error, int maxAttempts, long now) {
    return tasks.submitToKey(
        new TaskKey(taskId),
        new Fail(node, epoch, clip(error), maxAttempts, now, finishedTtlSeconds));
  }

  /** The node running the task reports progress in [0, 1]; whether it still holds the task. */
  public boolean progress(String taskId, String node, long epoch, double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("progress: " + fraction + " is not within 0..1");
    }
    return Boolean.TRUE.equals(
        tasks.executeOnKey(new TaskKey(taskId), new Progress(node, epoch, fraction)));
  }

  /**
   * The node running the task at {@code epoch} renews its lease (a heartbeat without progress);
   * whether it still holds the task. A lease that lapses ({@code balance.running-lease-millis})
   * re-queues the task.
   */
  public boolean renew(String taskId, String node, long epoch) {
    return Boolean.TRUE.equals(tasks.executeOnKey(new TaskKey(taskId), new Renew(node, epoch)));
  }

  /**
   * Re-queues the task if it was assigned more than {@code assignedTimeoutMillis} ago and not
   * started, or runs with a lease last renewed more than {@code leaseMillis} ago (times on the
   * partition owner's clock); the next epoch fences its old holder.
   *
   * @return why it was re-queued, or empty if it is not stale
   */
  public Optional<String> requeueStale(
      String taskId, long assignedTimeoutMillis, long leaseMillis) {
    return Optional.ofNullable(
        tasks.executeOnKey(
            new TaskKey(taskId), new RequeueStale(assignedTimeoutMillis, leaseMillis)));
  }

  /** The node holding the task at {@code epoch} completes it; whether the completion counted. */
  public boolean complete(String taskId, String node, long epoch, String result, long now) {
    checkPayload("result", result);
    return Boolean.TRUE.equals(
        tasks.executeOnKey(
            new TaskKey(taskId), new Complete(node, epoch, result, now, finishedTtlSeconds)));
  }

  /**
   * The node holding the task at {@code epoch} reports a failure: the task is queued again until it
   * has run {@code maxAttempts} times, then it fails for good.
   *
   * @return the state after the failure, or empty if the node no longer held the task
   */
  public Optional<TaskState> fail(
      String taskId, String node, long epoch, String error, int maxAttempts, long now) {
    if (error != null && error.length() > MAX_ERROR_CHARS) {
      throw new IllegalArgumentException(
          "error: "
              + error.length()
              + " characters is more than "
              + MAX_ERROR_CHARS
              + "; cut it with TaskStore.clip");
    }
    String s =
        tasks.executeOnKey(
            new TaskKey(taskId),
            new Fail(node, epoch, error, maxAttempts, now, finishedTtlSeconds));
    return s == null ? Optional.empty() : Optional.of(TaskState.valueOf(s));
  }

  /**
   * Cancels a task that has not finished.
   *
   * @return the state before the cancel (a finished state means it changed nothing)
   * @throws IllegalArgumentException if there is no such task
   */
  public TaskState cancel(String taskId, long now) {
    String before = tasks.executeOnKey(new TaskKey(taskId), new Cancel(now, finishedTtlSeconds));
    if (before == null) {
      throw new IllegalArgumentException("taskId: '" + taskId + "' is not a known task");
    }
    return TaskState.valueOf(before);
  }

  /**
   * Puts a task held by {@code node} at {@code epoch} back in the queue (next epoch), because its
   * node was lost; whether it was.
   */
  public boolean requeue(String taskId, String node, long epoch, String why) {
    return Boolean.TRUE.equals(
        tasks.executeOnKey(new TaskKey(taskId), new Requeue(node, epoch, why)));
  }

  /** Moves an assigned, not yet started task from {@code from} to {@code to}; whether it moved. */
  public boolean move(String taskId, String from, String to, double predictedMillis, long now) {
    return Boolean.TRUE.equals(
        tasks.executeOnKey(new TaskKey(taskId), new Move(from, to, predictedMillis, now)));
  }

  /** Tasks held (assigned, not started) by {@code node}. */
  public Collection<Task> assignedTo(String node) {
    return tasks.values(
        Predicates.and(
            Predicates.equal("node", node), Predicates.equal("state", TaskState.ASSIGNED.name())));
  }

  /** Tasks in {@code state}. */
  public Collection<Task> inState(TaskState state) {
    return tasks.values(Predicates.equal("state", state.name()));
  }

  /** How many tasks are queued. */
  public int queueDepth() {
    return tasks.keySet(Predicates.equal("state", TaskState.QUEUED.name())).size();
  }

  /** Tasks held (assigned or running) per node. */
  public Map<String, Integer> loads() {
    Predicate<TaskKey, Task> held =
        Predicates.in("state", TaskState.ASSIGNED.name(), TaskState.RUNNING.name());
    Collection<String> nodes = tasks.project(Projections.singleAttribute("node"), held);
    Map<String, Integer> loads = new TreeMap<>();
    for (String n : nodes) {
      loads.merge(n, 1, Integer::sum);
    }
    return loads;
  }

  /** Tasks held. */
  public int size() {
    return tasks.size();
  }

  /** The configured bound. */
  public int maxTasks() {
    return maxTasks;
  }

  /** Checks an id or type. */
  public static String checkText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + ": " + (value == null ? "missing" : "'" + value + "' is blank"));
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          field + ": '" + value.substring(0, 32) + "...' is longer than " + MAX_ID_LENGTH);
    }
    return value;
  }

  /** Checks an input or result. */
  public static String checkPayload(String field, String value) {
    if (value != null && value.length() > MAX_PAYLOAD_CHARS) {
      throw new IllegalArgumentException(
          field + ": " + value.length() + " characters is more than " + MAX_PAYLOAD_CHARS);
    }
    return value == null ? "" : value;
  }

  /** {@code error} cut to {@link #MAX_ERROR_CHARS} characters ("null" for none). */
  public static String clip(String error) {
    String e = String.valueOf(error);
    return e.length() <= MAX_ERROR_CHARS ? e : e.substring(0, MAX_ERROR_CHARS - 3) + "...";
  }

  /** The ids of the given tasks. */
  public static List<String> ids(Collection<Task> ts) {
    return ts.stream().map(Task::taskId).toList();
  }
}
