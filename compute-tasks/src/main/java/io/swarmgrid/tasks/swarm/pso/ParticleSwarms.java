package io.swarmgrid.tasks.swarm.pso;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.tasks.swarm.AgentSpec;
import io.swarmgrid.tasks.swarm.SwarmAgents;
import io.swarmgrid.tasks.swarm.internal.CreateSearchProcessor;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Starts, reads and stops particle swarms on the grid (from a member or a client). A swarm is a
 * record in {@code swarm.particle-swarms} (budget, global best, adoption decision) and {@code
 * particles} agents of type {@value ParticleAgent#TYPE} spread over the partitions; members running
 * the swarm engine step the particles they own and offer each tick's best.
 */
public final class ParticleSwarms {
  /** The largest dimension accepted. */
  public static final int MAX_DIMENSION = 1_000;

  private final HazelcastInstance hz;
  private final IMap<String, ParticleSwarmRecord> swarms;
  private final SwarmAgents agents;

  /** Particle swarms of the grid {@code hz} belongs to. */
  public ParticleSwarms(HazelcastInstance hz) {
    this.hz = hz;
    this.swarms = hz.getMap(SwarmMap.PARTICLE_SWARMS.mapName());
    this.agents = new SwarmAgents(hz);
  }

  /** The member-local name of a swarm's {@link ParticleView}. */
  public static String viewName(String swarmId) {
    return "pso.view." + swarmId;
  }

  /**
   * Starts a swarm minimising {@code objective}: its particles start at seeded random points.
   *
   * @throws IllegalArgumentException naming a blank or taken id, or a dimension, particle count or
   *     budget out of range; nothing is stored
   */
  public ParticleSwarmRecord start(
      String swarmId, Objective objective, int dimension, int particles, long budget, long seed) {
    if (swarmId == null || swarmId.isBlank() || swarmId.contains("@")) {
      throw new IllegalArgumentException("swarmId: '" + swarmId + "' is blank or contains '@'");
    }
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "dimension: " + dimension + " is out of range; allowed: 1 to " + MAX_DIMENSION);
    }
    if (particles < 1) {
      throw new IllegalArgumentException("particles: " + particles + " is below 1");
    }
    if (budget < particles) {
      throw new IllegalArgumentException(
          "budget: " + budget + " is below the particle count " + particles);
    }
    ParticleSwarmRecord record =
        ParticleSwarmRecord.create(swarmId, objective.id(), dimension, particles, budget, 0);
    if (swarms.putIfAbsent(swarmId, record) != null) {
      throw new IllegalArgumentException("swarmId: '" + swarmId + "' exists");
    }
    addParticles(swarmId, objective, dimension, particles, seed);
    return record;
  }

  // Only the objective's bounds are used: particles start at seeded random points in the box.
  private void addParticles(
      String swarmId, Objective box, int dimension, int particles, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int k = 0; k < particles; k++) {
      Particle p = Particle.random(box, dimension, PsoParams.defaults(), rng);
      ParticleState state = ParticleState.fresh(swarmId, rng.nextLong(), p);
      agents.add(
          AgentSpec.of(particleName(k), ParticleAgent.TYPE)
              .onData(swarmId + ":" + k)
              .withData(state.json())
              .withMemoryLimit(16));
    }
  }

  /**
   * Starts a search of an objective registered on the members, by name, in the spec's box: the
   * member owning the swarm's record checks that it knows the objective and that the box lies in
   * the objective's domain (register the objective on every member holding particles: a member that
   * does not know it leaves its particles unstepped).
   *
   * @throws IllegalArgumentException naming the field and value (unknown objective, box outside its
   *     domain, taken id); nothing is stored
   */
  public ParticleSwarmRecord search(SearchSpec spec) {
    String objective = spec.objective();
    if (objective.startsWith(Objectives.MODEL_PREFIX)) {
      // Refuses malformed repeats (#x) here, naming the id; their range is checked on the member.
      Objectives.modelRepeats(objective);
      String data = Objectives.modelDataName(objective);
      if (new LearningStore(hz).shardCount(data) == 0) {
        throw new IllegalArgumentException(
            "objective: '" + objective + "': data set '" + data + "' has no training shards");
      }
    }
    ParticleSwarmRecord record =
        ParticleSwarmRecord.create(
                spec.swarmId(),
                spec.objective(),
                spec.dimension(),
                spec.particles(),
                spec.budget(),
                0)
            .within(spec.lower(), spec.upper());
    String refusal = swarms.executeOnKey(spec.swarmId(), new CreateSearchProcessor(record));
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    addParticles(
        spec.swarmId(),
        new BoxedObjective(TestFunction.SPHERE, spec.lower(), spec.upper()),
        spec.dimension(),
        spec.particles(),
        spec.seed());
    return record;
  }

  /** The swarm, with its global best so far. */
  public Optional<ParticleSwarmRecord> get(String swarmId) {
    return Optional.ofNullable(swarms.get(swarmId));
  }

  /** Removes the swarm's particles and record. */
  public void stop(String swarmId) {
    ParticleSwarmRecord r = swarms.get(swarmId);
    int particles = r == null ? 0 : r.particles();
    for (int k = 0; k < particles; k++) {
      agents.remove(particleName(k) + "@" + swarmId + ":" + k);
    }
    swarms.delete(swarmId);
  }

  private static String particleName(int k) {
    return "particle-" + k;
  }
}
