package io.swarmgrid.tasks.swarm.pso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a proposal to adopt a particle swarm's best carries in its payload (JSON): the point, its
 * value, the risk the consensus engine's learned model gives the adoption, and the implementation
 * plan that becomes balancer tasks once the adoption is committed.
 *
 * @param swarmId the swarm
 * @param objective the objective's id
 * @param position the point proposed for adoption
 * @param value the objective there
 * @param risk the learned model's risk assessment
 * @param plan the steps to carry out once adopted
 */
public record AdoptionProposal(
    String swarmId,
    String objective,
    double[] position,
    double value,
    AdoptionRisk risk,
    List<PlanStep> plan) {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Copies the arrays. */
  public AdoptionProposal {
    position = position.clone();
    plan = List.copyOf(plan);
  }

  @Override
  public double[] position() {
    return position.clone();
  }

  /** Reads a proposal's payload. */
  public static AdoptionProposal fromPayload(byte[] payload) {
    try {
      return JSON.readValue(payload, AdoptionProposal.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "adoption payload: not an adoption proposal: " + e.getMessage(), e);
    }
  }

  /** As a proposal's payload. */
  public byte[] toPayload() {
    try {
      return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("adoption payload not written: " + e.getMessage(), e);
    }
  }
}
