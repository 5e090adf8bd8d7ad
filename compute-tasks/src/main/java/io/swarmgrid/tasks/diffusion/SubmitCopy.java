package io.swarmgrid.tasks.diffusion;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands in one node's result for a chunk and votes, next to the chunk: the copies are grouped by
 * {@code equals}; when one group reaches the quorum, its result is the chunk's agreed result and
 * every copy outside it is the minority (evidence against its node).
 */
public final class SubmitCopy implements EntryProcessor<String, ShareState, SubmitCopy.Vote> {
  private static final long serialVersionUID = 1L;

  /**
   * What the vote came to.
   *
   * @param status what happened to the chunk
   * @param minority copies that disagree with the agreed result (empty unless agreed)
   * @param copies copies in so far
   */
  public record Vote(Status status, List<CopyResult> minority, int copies) implements Serializable {
    private static final long serialVersionUID = 1L;
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

  private final CopyResult copy;
  private final int quorum;

  /** Hands in {@code copy}; {@code quorum} equal copies agree. */
  public SubmitCopy(CopyResult copy, int quorum) {
    this.copy = copy;
    this.quorum = quorum;
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
