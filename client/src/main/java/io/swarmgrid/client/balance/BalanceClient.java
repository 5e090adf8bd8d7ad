package io.swarmgrid.client.balance;

import io.swarmgrid.storage.balance.Task;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.balance.TaskState;
import io.swarmgrid.tasks.balance.SubmitReceipt;
import io.swarmgrid.tasks.balance.TaskHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Tasks seen from a client: submit, follow, cancel, and run a worker node. Needs members with the
 * balancing engine.
 */
public interface BalanceClient {
  /**
   * Submits a task; it is stored and assigned on the member that owns its data key.
   *
   * @throws IllegalArgumentException for a bad request (the field and value are named); nothing is
   *     stored
   * @throws IllegalStateException when {@code balance.max-tasks} is reached, or no member runs the
   *     balancing engine
   */
  SubmitReceipt submit(TaskRequest request);

  /** The task, if it exists (finished tasks expire after {@code balance.finished-ttl-seconds}). */
  Optional<Task> status(String taskId);

  /**
   * Cancels a task that has not finished.
   *
   * @return its state before the cancel
   * @throws IllegalArgumentException for an unknown task id
   */
  TaskState cancel(String taskId);

  /**
   * Waits until the task is done, failed, cancelled or unschedulable.
   *
   * @return the task in that state
   * @throws IllegalArgumentException for an unknown task id
   * @throws TimeoutException if it is still going after {@code timeout}
   */
  Task await(String taskId, Duration timeout) throws TimeoutException, InterruptedException;

  /**
   * Registers a worker node {@code nodeId} that takes tasks of the handlers' types (it declares the
   * capability {@code task:<type>} for each) and starts its loop.
   *
   * @param capacity tasks it runs at once, 1..1024
   */
  TaskWorker startWorker(String nodeId, Map<String, TaskHandler> handlers, int capacity);

  /** Figures of the whole cluster. */
  TaskStats stats();
}
