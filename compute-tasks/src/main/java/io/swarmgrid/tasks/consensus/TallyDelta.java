package io.swarmgrid.tasks.consensus;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What vote processors send to the backups: per tally, the votes the primary accepted (already
 * verified there) and the resulting status, not the whole tally with its electorate and keys. The
 * backup appends them only onto the tally the primary started from (same counts); a backup that
 * does not hold it is left for Hazelcast's replica sync, never given a guessed tally.
 */
final class TallyDelta
    implements EntryProcessor<String, Tally, Object>, IdentifiedDataSerializable {
  /**
   * The change to one tally.
   *
   * @param baseVotes votes the tally held before
   * @param votes votes added
   * @param baseConflicting conflicting votes the tally held before
   * @param conflicting conflicting votes added
   * @param status the status after
   * @param decision the decision after, or null
   */
  record Change(
      int baseVotes,
      List<Vote> votes,
      int baseConflicting,
      List<Vote> conflicting,
      TallyStatus status,
      Decision decision) {

    /** The change from {@code before} to {@code after}. */
    static Change between(Tally before, Tally after) {
      return new Change(
          before.votes().size(),
          after.votes().subList(before.votes().size(), after.votes().size()),
          before.conflicting().size(),
          after.conflicting().subList(before.conflicting().size(), after.conflicting().size()),
          after.status(),
          after.decision());
    }
  }

  private Map<String, Change> changes;

  /** For deserialization. */
  TallyDelta() {}

  TallyDelta(Map<String, Change> changes) {
    this.changes = Map.copyOf(changes);
  }

  @Override
  public Object process(Map.Entry<String, Tally> entry) {
    Change c = changes.get(entry.getKey());
    Tally t = entry.getValue();
    if (c == null
        || t == null
        || t.votes().size() != c.baseVotes()
        || t.conflicting().size() != c.baseConflicting()) {
      return null;
    }
    List<Vote> votes = new ArrayList<>(t.votes());
    votes.addAll(c.votes());
    List<Vote> conflicting = new ArrayList<>(t.conflicting());
    conflicting.addAll(c.conflicting());
    entry.setValue(TallyRules.with(t, votes, conflicting, c.status(), c.decision()));
    return null;
  }

  @Override
  public EntryProcessor<String, Tally, Object> getBackupProcessor() {
    return this;
  }

  /** This processor typed as the backup of a processor with result type {@code R}. */
  @SuppressWarnings("unchecked") // A backup processor's result is never read.
  <R> EntryProcessor<String, Tally, R> asBackupOf() {
    return (EntryProcessor<String, Tally, R>) (EntryProcessor<String, Tally, ?>) this;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.TALLY_DELTA;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(changes.size());
    for (Map.Entry<String, Change> e : changes.entrySet()) {
      Change c = e.getValue();
      out.writeString(e.getKey());
      out.writeInt(c.baseVotes());
      writeVotes(out, c.votes());
      out.writeInt(c.baseConflicting());
      writeVotes(out, c.conflicting());
      out.writeString(c.status().name());
      out.writeObject(c.decision());
    }
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    Map<String, Change> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String id = in.readString();
      int baseVotes = in.readInt();
      List<Vote> votes = readVotes(in);
      int baseConflicting = in.readInt();
      List<Vote> conflicting = readVotes(in);
      TallyStatus status = TallyStatus.valueOf(in.readString());
      Decision decision = in.readObject();
      map.put(id, new Change(baseVotes, votes, baseConflicting, conflicting, status, decision));
    }
    changes = Map.copyOf(map);
  }

  private static void writeVotes(ObjectDataOutput out, List<Vote> votes) throws IOException {
    out.writeInt(votes.size());
    for (Vote v : votes) {
      out.writeObject(v);
    }
  }

  private static List<Vote> readVotes(ObjectDataInput in) throws IOException {
    int n = in.readInt();
    List<Vote> votes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      votes.add(in.readObject());
    }
    return votes;
  }
}
