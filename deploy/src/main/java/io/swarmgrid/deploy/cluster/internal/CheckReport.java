package io.swarmgrid.deploy.cluster.internal;

import java.util.List;

/**
 * What the checker found after a run with chaos.
 *
 * @param resultMatches the run's result equals the single-thread result
 * @param proposals proposals acknowledged during the run
 * @param decided of them, decided
 * @param conflicting proposals seen with more than one decision, or whose stored decision differs
 *     from the one announced
 * @param messagesSent messages acknowledged by a send during the run
 * @param messagesLost of them, never delivered
 * @param tasksSubmitted balance tasks acknowledged during the run
 * @param tasksDone of them, DONE with their own result
 * @param tasksRerun of them, run more than once (re-queued after a member died; counted once)
 * @param problems one line per violation
 */
public record CheckReport(
    boolean resultMatches,
    int proposals,
    int decided,
    int conflicting,
    int messagesSent,
    int messagesLost,
    int tasksSubmitted,
    int tasksDone,
    int tasksRerun,
    List<String> problems) {
  public CheckReport {
    problems = List.copyOf(problems);
  }

  /** Whether every property held. */
  public boolean passed() {
    return resultMatches
        && conflicting == 0
        && messagesLost == 0
        && tasksDone == tasksSubmitted
        && problems.isEmpty();
  }
}
