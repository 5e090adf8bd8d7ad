package io.swarmgrid.tasks.swarm.pso;

/**
 * One step of an adoption's implementation plan: a balancer task to submit once the adoption is
 * committed.
 *
 * @param action what the task does ({@value #RETRAIN}: train the model with the adopted
 *     hyper-parameters and score it; {@value #VERIFY}: evaluate the adopted point again)
 * @param taskType the balancer task type that carries it out
 */
public record PlanStep(String action, String taskType) {
  /** Train the model with the adopted hyper-parameters and score it on the validation split. */
  public static final String RETRAIN = "retrain";

  /** Evaluate the objective at the adopted point again. */
  public static final String VERIFY = "verify";

  /** The balancer task type of every plan step. */
  public static final String TASK_TYPE = "swarm.adoption-plan";
}
