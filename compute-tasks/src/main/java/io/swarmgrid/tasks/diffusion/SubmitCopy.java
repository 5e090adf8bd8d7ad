package io.swarmgrid.tasks.diffusion;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hands in one node's result for a chunk and votes, next to the chunk: the copies are grouped by
 * {@code equals}; when one group reaches the quorum, its result is the chunk's agreed result and
 * every copy outside it is the minority (evidence against its node).
 */
public final class SubmitCopy
    implements EntryProcessor<String, ShareState, SubmitCopy.Vote>, IdentifiedDataSerializable {

  /**
   * What the vote came to.
   *
   * @param status what happened to the chunk
   * @param minority copies that disagree with the agreed result (empty unless agreed)
   * @param copies copies in so far
   */
  public static final class Vote implements IdentifiedDataSerializable {
    private Status status;
    private List<CopyResult> minority;
    private int copies;

    /** For deserialization only. */
    public Vote() {}

    /** The value. */
    public Vote(Status status, List<CopyResult> minority, int copies) {
      this.status = status;
      this.minority = List.copyOf(minority);
      this.copies = copies;
    }

    /** The status. */
    public Status status() {
      return status;
    }

    /** The minority. */
    public List<CopyResult> minority() {
      return minority;
    }

    /** The copies. */
    public int copies() {
      return copies;
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.DIFFUSION;
    }

    @Override
    public int getClassId() {
      return DiffusionFactory.VOTE;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(status.name());
      out.writeInt(minority.size());
      for (CopyResult c : minority) {
        out.writeObject(c);
      }
      out.writeInt(copies);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      status = Status.valueOf(in.readString());
      int minoritySize = in.readInt();
      List<CopyResult> minorityRead = new ArrayList<>();
      for (int i = 0; i < minoritySize; i++) {
        minorityRead.add(in.readObject());
      }
      minority = List.copyOf(minorityRead);
      copies = in.readInt();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Vote v
          && Objects.equals(status, v.status)
          && Objects.equals(minority, v.minority)
          && Objects.equals(copies, v.copies);
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, minority, copies);
    }

    @Override
    public String toString() {
      return "Vote[status=" + status + ", minority=" + minority + ", copies=" + copies + "]";
    }
  }

  /** What happened to the chunk. */
  public enum Status {
    /** This copy completed the quorum: the chunk is agreed now. */
    AGREED_NOW,
    /** The chunk was agreed before; this copy was compared with the agreed result. */
    ALREADY_AGREED,
    /** No quorum yet. */
    PENDING,
    /** No such chunk (its task finished or expired). */
    GONE
  }

  private CopyResult copy;
  private int quorum;

  SubmitCopy() {}

  /** Hands in {@code copy}; {@code quorum} equal copies agree. */
  public SubmitCopy(CopyResult copy, int quorum) {
    this.copy = copy;
    this.quorum = quorum;
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.DIFFUSION;
  }

  @Override
  public int getClassId() {
    return DiffusionFactory.SUBMIT_COPY;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeObject(copy);
    out.writeInt(quorum);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    copy = in.readObject();
    quorum = in.readInt();
  }

  @Override
  public Vote process(Map.Entry<String, ShareState> entry) {
    ShareState s = entry.getValue();
    if (s == null) {
      return new Vote(Status.GONE, List.of(), 0);
    }
    List<Claim> claims = new ArrayList<>(s.claims());
    claims.removeIf(c -> c.nodeId().equals(copy.nodeId()));
    List<CopyResult> copies = new ArrayList<>(s.copies());
    if (copies.stream().noneMatch(c -> c.nodeId().equals(copy.nodeId()))) {
      copies.add(copy);
    }
    if (s.isAgreed()) {
      ClaimChunk.set(entry, new ShareState(s.taskId(), s.chunk(), claims, copies, s.agreed()));
      List<CopyResult> minority = copy.result().equals(s.agreed()) ? List.of() : List.of(copy);
      return new Vote(Status.ALREADY_AGREED, minority, copies.size());
    }
    Serializable agreed = null;
    for (CopyResult c : copies) {
      long same = copies.stream().filter(o -> o.result().equals(c.result())).count();
      if (same >= quorum) {
        agreed = c.result();
        break;
      }
    }
    if (agreed == null) {
      ClaimChunk.set(entry, new ShareState(s.taskId(), s.chunk(), claims, copies, null));
      return new Vote(Status.PENDING, List.of(), copies.size());
    }
    Serializable winner = agreed;
    List<CopyResult> minority = copies.stream().filter(c -> !c.result().equals(winner)).toList();
    // Once agreed, the chunk drops its claims: nobody else needs to process it.
    ClaimChunk.set(entry, new ShareState(s.taskId(), s.chunk(), List.of(), copies, agreed));
    return new Vote(Status.AGREED_NOW, minority, copies.size());
  }
}
