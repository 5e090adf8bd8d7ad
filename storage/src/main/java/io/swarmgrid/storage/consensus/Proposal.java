package io.swarmgrid.storage.consensus;

import java.util.List;
import java.util.Objects;

/**
 * A question put to the swarm ({@code swarm.proposals}). Compact type name {@code
 * swarmgrid.Proposal}.
 *
 * @param id unique id
 * @param proposer node id of the proposer
 * @param type what is decided
 * @param priority 0 (lowest) .. 9 (highest)
 * @param deadline epoch millis after which no vote counts
 * @param confidence the proposer's confidence, 0..1
 * @param features the proposal's feature vector (what the learned model sees)
 * @param payload opaque bytes: what is proposed
 * @param options the choices, e.g. {@code [approve, reject]}; a vote picks one by index
 * @param electorate node ids that may vote; empty means every active node at proposal time
 * @param createdAt epoch millis
 */
public record Proposal(
    String id,
    String proposer,
    DecisionType type,
    int priority,
    long deadline,
    double confidence,
    double[] features,
    byte[] payload,
    List<String> options,
    List<String> electorate,
    long createdAt) {

  /** Option index of "approve" in a yes/no proposal. */
  public static final int APPROVE = 0;

  /** Option index of "reject" in a yes/no proposal. */
  public static final int REJECT = 1;

  /** The options of a yes/no proposal. */
  public static final List<String> YES_NO = List.of("approve", "reject");

  /** Copies the lists; checks nothing else (see {@code ProposalRequest} for validation). */
  public Proposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    options = List.copyOf(options);
    electorate = List.copyOf(electorate);
  }

  /** Whether option {@code index} means "reject" (so that reaching quorum on it rejects). */
  public boolean isReject(int index) {
    return index >= 0 && index < options.size() && "reject".equals(options.get(index));
  }
}
