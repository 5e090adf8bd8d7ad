package io.swarmgrid.tasks.swarm.pso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What a particle agent keeps in its data (as JSON): its swarm, its own random stream and the
 * particle.
 *
 * @param swarmId the swarm it belongs to
 * @param seed seeds its random stream, together with {@code steps}
 * @param steps steps taken (evaluations it made)
 * @param particle the particle
 * @param awaiting whether the particle's position was handed to its member to evaluate and its
 *     score is still to be applied
 */
public record ParticleState(
    String swarmId, long seed, long steps, Particle particle, boolean awaiting) {
  // +∞ (not evaluated yet) is written as a non-numeric token; reading must accept it.
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** The state in an agent's data. */
  public static ParticleState parse(String data) {
    try {
      return JSON.readValue(data, ParticleState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "particle data: not a particle state: " + e.getMessage(), e);
    }
  }

  /** As an agent's data. */
  public String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("particle state not written: " + e.getMessage(), e);
    }
  }

  /** A particle that has not been evaluated anywhere yet. */
  public static ParticleState fresh(String swarmId, long seed, Particle particle) {
    return new ParticleState(swarmId, seed, 0, particle, false);
  }

  /** The same particle, its position handed over to be evaluated. */
  public ParticleState awaitingScore() {
    return new ParticleState(swarmId, seed, steps, particle, true);
  }

  /** The state after one more step ended with {@code next}, waiting for its score. */
  public ParticleState next(Particle next) {
    return new ParticleState(swarmId, seed, steps + 1, next, true);
  }
}
