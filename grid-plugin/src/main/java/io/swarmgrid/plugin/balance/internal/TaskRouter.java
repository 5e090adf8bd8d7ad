package io.swarmgrid.plugin.balance.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.swarmgrid.plugin.balance.NodeView;
import io.swarmgrid.storage.runtime.BackgroundFailures;
import io.swarmgrid.tasks.balance.BalanceTasks;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an assigned task to where it runs: this member's runner threads, another member through the
 * balancing executor, or nowhere for a client-side worker (it takes the task when it polls). A task
 * that cannot be handed over stays assigned; the sweep re-queues it once its node is lost.
 */
public final class TaskRouter {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRouter.class);

  private final HazelcastInstance hz;
  private final ExecutorService runners;
  private final TaskRunner runner;

  /** A router that runs this member's tasks with {@code runner} on {@code runners}. */
  public TaskRouter(HazelcastInstance hz, ExecutorService runners, TaskRunner runner) {
    this.hz = hz;
    this.runners = runners;
    this.runner = runner;
  }

  /**
   * Runs the task held by {@code nodeId} at {@code epoch} on this member: its start is sent without
   * waiting and the handler runs on the runner threads once it is answered.
   */
  public void runHere(String taskId, String nodeId, long epoch) {
    runner.run(taskId, nodeId, epoch);
  }

  /** Runs {@code work} on the runner threads; failures follow the background policy. */
  void offCaller(String source, Runnable work) {
    try {
      runners.execute(BackgroundFailures.guarded(source, work));
    } catch (RejectedExecutionException e) {
      LOG.debug("engine stopping; {} not run", source);
    }
  }

  /** Hands the task held by {@code to} at {@code epoch} to the member it runs on. */
  void dispatch(String taskId, NodeView to, long epoch) {
    if (to == null || to.worker()) {
      return; // a worker takes it when it polls
    }
    Member local = hz.getCluster().getLocalMember();
    if (local.getUuid().toString().equals(to.memberUuid())) {
      runHere(taskId, to.nodeId(), epoch);
      return;
    }
    for (Member m : hz.getCluster().getMembers()) {
      if (m.getUuid().toString().equals(to.memberUuid())) {
        try {
          hz.getExecutorService(BalanceTasks.EXECUTOR)
              .executeOnMember(BalanceTasks.run(taskId, to.nodeId(), epoch), m);
        } catch (RuntimeException e) {
          LOG.debug(
              "could not hand {} to member {}; the sweep re-queues it: {}",
              taskId,
              m,
              e.toString());
        }
        return;
      }
    }
  }
}
