package io.swarmgrid.tasks.swarm.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.runtime.SwarmServices;
import io.swarmgrid.storage.swarm.ParticleSwarmRecord;
import io.swarmgrid.tasks.swarm.pso.Objective;
import io.swarmgrid.tasks.swarm.pso.Objectives;
import java.io.IOException;
import java.util.Map;

/**
 * Creates a search's record on the member owning it, if that member knows the objective and the box
 * lies in the objective's domain; returns why not (naming the field and value), or null when
 * created. Nothing is stored on a refusal.
 */
public final class CreateSearchProcessor
    implements EntryProcessor<String, ParticleSwarmRecord, String>,
        IdentifiedDataSerializable,
        HazelcastInstanceAware {
  private transient HazelcastInstance member;
  private ParticleSwarmRecord record;

  /** For deserialization. */
  public CreateSearchProcessor() {}

  /** Creates {@code record} (a new swarm with its box). */
  public CreateSearchProcessor(ParticleSwarmRecord record) {
    this.record = record;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public String process(Map.Entry<String, ParticleSwarmRecord> entry) {
    if (entry.getValue() != null) {
      return "swarmId: '" + record.swarmId() + "' exists";
    }
    Objectives objectives = SwarmServices.find(member, Objectives.class).orElse(null);
    if (objectives == null) {
      throw new IllegalStateException(
          "the swarm engine is not running on member "
              + member.getCluster().getLocalMember().getAddress()
              + " (swarmgrid.engines.swarm: true)");
    }
    Objective o;
    try {
      o = objectives.find(record.objective()).orElse(null);
    } catch (IllegalArgumentException e) {
      // A malformed model objective id (its repeats): refused, nothing stored.
      return e.getMessage();
    }
    if (o == null) {
      return "objective: '"
          + record.objective()
          + "' is not registered; registered: "
          + objectives.ids();
    }
    if (record.lower() < o.lower() || record.upper() > o.upper()) {
      return "bounds: ["
          + record.lower()
          + ", "
          + record.upper()
          + "] leave objective '"
          + o.id()
          + "''s domain ["
          + o.lower()
          + ", "
          + o.upper()
          + "]";
    }
    entry.setValue(record);
    return null;
  }

  @Override
  public int getFactoryId() {
    return SwarmTaskSerializers.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return SwarmTaskSerializers.CREATE_SEARCH;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(record);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    record = in.readObject();
  }
}
