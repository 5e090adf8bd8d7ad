package io.swarmgrid.tasks.balance;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One member's balancing figures.
 *
 * @param member the member's UUID
 * @param assignments tasks this member has assigned since it started
 * @param assignmentsPerSecond assignments per second over the last measurement window
 * @param rebalanced tasks this member moved to rebalance load
 * @param requeued tasks this member put back in the queue after their node was lost
 * @param predictorTrained whether the completion-time model is trained
 * @param predictorErrorMs the model's mean absolute error on held-out finished tasks, ms (-1 if
 *     untrained)
 * @param predictorBaselineErrorMs the same error when always predicting the mean (-1 if untrained)
 * @param predictorSamples finished tasks the model learned from so far
 * @param utilization per node: share of its CPU held by assigned and running tasks, 0..1
 * @param held per node: tasks assigned or running
 */
public final class MemberStats implements IdentifiedDataSerializable {
  private String member;
  private long assignments;
  private double assignmentsPerSecond;
  private long rebalanced;
  private long requeued;
  private boolean predictorTrained;
  private double predictorErrorMs;
  private double predictorBaselineErrorMs;
  private int predictorSamples;
  private Map<String, Double> utilization;
  private Map<String, Integer> held;

  /** For deserialization only. */
  public MemberStats() {}

  /** The value. */
  public MemberStats(
      String member,
      long assignments,
      double assignmentsPerSecond,
      long rebalanced,
      long requeued,
      boolean predictorTrained,
      double predictorErrorMs,
      double predictorBaselineErrorMs,
      int predictorSamples,
      Map<String, Double> utilization,
      Map<String, Integer> held) {
    this.member = member;
    this.assignments = assignments;
    this.assignmentsPerSecond = assignmentsPerSecond;
    this.rebalanced = rebalanced;
    this.requeued = requeued;
    this.predictorTrained = predictorTrained;
    this.predictorErrorMs = predictorErrorMs;
    this.predictorBaselineErrorMs = predictorBaselineErrorMs;
    this.predictorSamples = predictorSamples;
    this.utilization = Map.copyOf(utilization);
    this.held = Map.copyOf(held);
  }

  /** The member. */
  public String member() {
    return member;
  }

  /** The assignments. */
  public long assignments() {
    return assignments;
  }

  /** The assignmentsPerSecond. */
  public double assignmentsPerSecond() {
    return assignmentsPerSecond;
  }

  /** The rebalanced. */
  public long rebalanced() {
    return rebalanced;
  }

  /** The requeued. */
  public long requeued() {
    return requeued;
  }

  /** The predictorTrained. */
  public boolean predictorTrained() {
    return predictorTrained;
  }

  /** The predictorErrorMs. */
  public double predictorErrorMs() {
    return predictorErrorMs;
  }

  /** The predictorBaselineErrorMs. */
  public double predictorBaselineErrorMs() {
    return predictorBaselineErrorMs;
  }

  /** The predictorSamples. */
  public int predictorSamples() {
    return predictorSamples;
  }

  /** The utilization. */
  public Map<String, Double> utilization() {
    return utilization;
  }

  /** The held. */
  public Map<String, Integer> held() {
    return held;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.BALANCE;
  }

  @Override
  public int getClassId() {
    return BalanceTasks.Factory.MEMBER_STATS;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(member);
    out.writeLong(assignments);
    out.writeDouble(assignmentsPerSecond);
    out.writeLong(rebalanced);
    out.writeLong(requeued);
    out.writeBoolean(predictorTrained);
    out.writeDouble(predictorErrorMs);
    out.writeDouble(predictorBaselineErrorMs);
    out.writeInt(predictorSamples);
    out.writeInt(utilization.size());
    for (Map.Entry<String, Double> e : utilization.entrySet()) {
      out.writeString(e.getKey());
      out.writeDouble(e.getValue());
    }
    out.writeInt(held.size());
    for (Map.Entry<String, Integer> e : held.entrySet()) {
      out.writeString(e.getKey());
      out.writeInt(e.getValue());
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    member = in.readString();
    assignments = in.readLong();
    assignmentsPerSecond = in.readDouble();
    rebalanced = in.readLong();
    requeued = in.readLong();
    predictorTrained = in.readBoolean();
    predictorErrorMs = in.readDouble();
    predictorBaselineErrorMs = in.readDouble();
    predictorSamples = in.readInt();
    int utilizationSize = in.readInt();
    Map<String, Double> utilizationRead = new HashMap<>();
    for (int i = 0; i < utilizationSize; i++) {
      utilizationRead.put(in.readString(), in.readDouble());
    }
    utilization = Map.copyOf(utilizationRead);
    int heldSize = in.readInt();
    Map<String, Integer> heldRead = new HashMap<>();
    for (int i = 0; i < heldSize; i++) {
      heldRead.put(in.readString(), in.readInt());
    }
    held = Map.copyOf(heldRead);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberStats v
        && Objects.equals(member, v.member)
        && Objects.equals(assignments, v.assignments)
        && Objects.equals(assignmentsPerSecond, v.assignmentsPerSecond)
        && Objects.equals(rebalanced, v.rebalanced)
        && Objects.equals(requeued, v.requeued)
        && Objects.equals(predictorTrained, v.predictorTrained)
        && Objects.equals(predictorErrorMs, v.predictorErrorMs)
        && Objects.equals(predictorBaselineErrorMs, v.predictorBaselineErrorMs)
        && Objects.equals(predictorSamples, v.predictorSamples)
        && Objects.equals(utilization, v.utilization)
        && Objects.equals(held, v.held);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        member,
        assignments,
        assignmentsPerSecond,
        rebalanced,
        requeued,
        predictorTrained,
        predictorErrorMs,
        predictorBaselineErrorMs,
        predictorSamples,
        utilization,
        held);
  }

  @Override
  public String toString() {
    return "MemberStats[member="
        + member
        + ", assignments="
        + assignments
        + ", assignmentsPerSecond="
        + assignmentsPerSecond
        + ", rebalanced="
        + rebalanced
        + ", requeued="
        + requeued
        + ", predictorTrained="
        + predictorTrained
        + ", predictorErrorMs="
        + predictorErrorMs
        + ", predictorBaselineErrorMs="
        + predictorBaselineErrorMs
        + ", predictorSamples="
        + predictorSamples
        + ", utilization="
        + utilization
        + ", held="
        + held
        + "]";
  }
}
