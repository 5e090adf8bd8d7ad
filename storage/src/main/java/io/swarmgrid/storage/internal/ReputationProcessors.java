package io.swarmgrid.storage.internal;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationEvent;
import io.swarmgrid.storage.reputation.ReputationRule;
import io.swarmgrid.storage.reputation.ReputationStore;
import java.io.IOException;
import java.util.Map;

/**
 * The entry processor of {@code ReputationStore} and its two updates, {@code
 * IdentifiedDataSerializable} (factory {@link StorageFactory}). An update given to {@code
 * ReputationStore.update} as a lambda still travels by Java serialization, and members refuse it
 * unless its class is on their whitelist.
 */
public final class ReputationProcessors {
  static final int APPLY = 220;
  static final int STEP = 221;
  static final int RELEASE = 222;

  private ReputationProcessors() {}

  /** Applies an update next to the entry; the update must keep the node id. */
  public static final class Apply
      implements EntryProcessor<String, Reputation, Reputation>, IdentifiedDataSerializable {
    private ReputationStore.Update update;

    /** For deserialization only. */
    public Apply() {}

    /** Applies {@code update}. */
    public Apply(ReputationStore.Update update) {
      this.update = update;
    }

    @Override
    public Reputation process(Map.Entry<String, Reputation> entry) {
      Reputation current =
          entry.getValue() == null ? Reputation.neutral(entry.getKey()) : entry.getValue();
      Reputation next = update.apply(current);
      if (!next.nodeId().equals(entry.getKey())) {
        throw new IllegalArgumentException(
            "nodeId: update for " + entry.getKey() + " returned a reputation of " + next.nodeId());
      }
      entry.setValue(next);
      return next;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return APPLY;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeObject(update);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      update = in.readObject();
    }
  }

  /** One event under a rule: {@link ReputationRule#apply}. */
  public static final class Step implements ReputationStore.Update, IdentifiedDataSerializable {
    private ReputationRule rule;
    private ReputationEvent event;
    private long now;

    /** For deserialization only. */
    public Step() {}

    /** The step of {@code event} at {@code now} under {@code rule}. */
    public Step(ReputationRule rule, ReputationEvent event, long now) {
      this.rule = rule;
      this.event = event;
      this.now = now;
    }

    @Override
    public Reputation apply(Reputation current) {
      return rule.apply(current, event, now);
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return STEP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      writeRule(out, rule);
      out.writeString(event.name());
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      rule = readRule(in);
      event = ReputationEvent.valueOf(in.readString());
      now = in.readLong();
    }
  }

  /** An operator's release under a rule: {@link ReputationRule#release}. */
  public static final class Release implements ReputationStore.Update, IdentifiedDataSerializable {
    private ReputationRule rule;
    private long now;

    /** For deserialization only. */
    public Release() {}

    /** The release at {@code now} under {@code rule}. */
    public Release(ReputationRule rule, long now) {
      this.rule = rule;
      this.now = now;
    }

    @Override
    public Reputation apply(Reputation current) {
      return rule.release(current, now);
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.STORAGE;
    }

    @Override
    public int getClassId() {
      return RELEASE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      writeRule(out, rule);
      out.writeLong(now);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      rule = readRule(in);
      now = in.readLong();
    }
  }

  private static void writeRule(ObjectDataOutput out, ReputationRule r) throws IOException {
    out.writeDouble(r.successGain());
    out.writeDouble(r.failureLoss());
    out.writeDouble(r.timeoutLoss());
    out.writeDouble(r.wrongVoteLoss());
    out.writeDouble(r.evidenceLoss());
    out.writeDouble(r.reportedEvidenceLoss());
    out.writeLong(r.decayHalfLifeMillis());
    out.writeDouble(r.quarantineThreshold());
    out.writeDouble(r.releaseThreshold());
    out.writeBoolean(r.releaseOnRecovery());
  }

  private static ReputationRule readRule(ObjectDataInput in) throws IOException {
    return new ReputationRule(
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readLong(),
        in.readDouble(),
        in.readDouble(),
        in.readBoolean());
  }
}
