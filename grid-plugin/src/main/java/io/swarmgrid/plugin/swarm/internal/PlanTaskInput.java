package io.swarmgrid.plugin.swarm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The input of an adoption plan's balancer task (JSON).
 *
 * @param swarmId the adopted swarm
 * @param proposalId the committed adoption proposal
 * @param action the plan step
 */
record PlanTaskInput(String swarmId, String proposalId, String action) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static PlanTaskInput parse(String text) {
    try {
      return JSON.readValue(text, PlanTaskInput.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "adoption task input: not a plan step: " + e.getMessage(), e);
    }
  }

  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("adoption task input not written: " + e.getMessage(), e);
    }
  }
}
