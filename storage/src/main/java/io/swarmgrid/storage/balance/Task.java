package io.swarmgrid.storage.balance;

import java.util.Objects;

/**
 * A task in {@code swarm.tasks}: what it needs, where it runs and how it went. Compact type name
 * {@code swarmgrid.Task}. Every change is made by an entry processor of {@link TaskStore} on the
 * task's partition, which is its data key's partition ({@link TaskKey}).
 *
 * <p>{@code epoch} fences the node holding the task, as in {@code WorkItem}: it grows at every
 * assignment, re-queue and move, a node presents the epoch it was given, and a start, progress,
 * completion or failure with an older epoch is refused — so a task lost with its node and re-run
 * elsewhere completes once.
 *
 * @param taskId unique id, {@code <unique>@<dataKey>} when it has a data key
 * @param type task type: names the handler and selects the strategy
 * @param priority higher runs first, 0..1000
 * @param requirements what the node must offer
 * @param estimatedMillis the submitter's estimate of the run time on an idle node, ms
 * @param dataKey the map entry the task works on, or empty
 * @param deadline epoch millis by which it should be done, 0 for none
 * @param input the handler's input, free text
 * @param state where the task is
 * @param reason why it is unschedulable, or the last failure, or empty
 * @param node the node holding it, or empty
 * @param epoch fencing token
 * @param attempts runs started so far
 * @param progress the node's reported progress, 0..1
 * @param result the handler's result once done, or empty
 * @param predictedMillis the balancer's predicted completion time on the chosen node, 0 if none
 * @param submittedAt epoch millis of submission
 * @param assignedAt epoch millis of the latest assignment, 0 before
 * @param startedAt epoch millis of the latest start, 0 before
 * @param finishedAt epoch millis of the end, 0 before
 * @param renewedAt epoch millis, on the partition owner's clock, of the latest start, progress
 *     report or heartbeat of the running node: its lease runs from here ({@code
 *     balance.running-lease-millis}), 0 before a start
 */
public record Task(
    String taskId,
    String type,
    int priority,
    ResourceRequirements requirements,
    long estimatedMillis,
    String dataKey,
    long deadline,
    String input,
    TaskState state,
    String reason,
    String node,
    long epoch,
    int attempts,
    double progress,
    String result,
    double predictedMillis,
    long submittedAt,
    long assignedAt,
    long startedAt,
    long finishedAt,
    long renewedAt) {
  /** Checks required fields; nulls become empty strings. */
  public Task {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(requirements, "requirements");
    Objects.requireNonNull(state, "state");
    dataKey = dataKey == null ? "" : dataKey;
    input = input == null ? "" : input;
    reason = reason == null ? "" : reason;
    node = node == null ? "" : node;
    result = result == null ? "" : result;
  }

  /** A new queued task. */
  public static Task queued(
      String taskId,
      String type,
      int priority,
      ResourceRequirements requirements,
      long estimatedMillis,
      String dataKey,
      long deadline,
      String input,
      long now) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        TaskState.QUEUED,
        "",
        "",
        0,
        0,
        0,
        "",
        0,
        now,
        0,
        0,
        0,
        0);
  }

  /** The key of this task. */
  public TaskKey key() {
    return new TaskKey(taskId);
  }

  /** This task assigned to {@code to} with the next epoch. */
  public Task assignedTo(String to, double predicted, long now) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        TaskState.ASSIGNED,
        "",
        to,
        epoch + 1,
        attempts,
        0,
        "",
        predicted,
        submittedAt,
        now,
        0,
        0,
        0);
  }

  /** This task back in the queue (next epoch, no node), remembering why. */
  public Task requeued(String why) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        TaskState.QUEUED,
        why,
        "",
        epoch + 1,
        attempts,
        0,
        "",
        0,
        submittedAt,
        assignedAt,
        startedAt,
        0,
        0);
  }

  /** This task in {@code s}, with {@code why}. */
  public Task withState(TaskState s, String why, long now) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        s,
        why,
        node,
        epoch,
        attempts,
        progress,
        result,
        predictedMillis,
        submittedAt,
        assignedAt,
        startedAt,
        s.finished() ? now : finishedAt,
        renewedAt);
  }

  /** This task started by its node. */
  public Task started(long now) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        TaskState.RUNNING,
        reason,
        node,
        epoch,
        attempts + 1,
        0,
        "",
        predictedMillis,
        submittedAt,
        assignedAt,
        now,
        0,
        now);
  }

  /** This task with progress {@code p}. */
  public Task withProgress(double p) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        state,
        reason,
        node,
        epoch,
        attempts,
        p,
        result,
        predictedMillis,
        submittedAt,
        assignedAt,
        startedAt,
        finishedAt,
        renewedAt);
  }

  /** This task with its running lease renewed at {@code at} (the partition owner's clock). */
  public Task renewed(long at) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        state,
        reason,
        node,
        epoch,
        attempts,
        progress,
        result,
        predictedMillis,
        submittedAt,
        assignedAt,
        startedAt,
        finishedAt,
        at);
  }

  /** This task done with {@code out}. */
  public Task done(String out, long now) {
    return new Task(
        taskId,
        type,
        priority,
        requirements,
        estimatedMillis,
        dataKey,
        deadline,
        input,
        TaskState.DONE,
        "",
        node,
        epoch,
        attempts,
        1.0,
        out,
        predictedMillis,
        submittedAt,
        assignedAt,
        startedAt,
        now,
        renewedAt);
  }

  /** How long its latest run took, ms; 0 if not finished. */
  public long runMillis() {
    return finishedAt > 0 && startedAt > 0 ? finishedAt - startedAt : 0;
  }
}
