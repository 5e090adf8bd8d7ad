package io.swarmgrid.tasks.consensus;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.storage.FactoryIds;

/**
 * Creates consensus's entry processors, commit-log functions, member tasks and their results
 * ({@code IdentifiedDataSerializable}, factory id {@link FactoryIds#CONSENSUS}). Registered by
 * {@code SwarmSerialization}; members name it in {@code swarmgrid-member.yaml}.
 */
public final class ConsensusFactory implements DataSerializableFactory {
  /** Class id of {@link ProposeTask}. */
  public static final int PROPOSE_TASK = 1;

  /** Class id of {@link ProposeTask.Accepted}. */
  public static final int ACCEPTED = 2;

  /** Class id of {@link ApplyVote}. */
  public static final int APPLY_VOTE = 3;

  /** Class id of {@code VoteResult}. */
  public static final int VOTE_RESULT = 4;

  /** Class id of {@code SetTally}. */
  public static final int SET_TALLY = 5;

  /** Class id of {@link CloseExpired}. */
  public static final int CLOSE_EXPIRED = 6;

  /** Class id of {@link MarkCommitted}. */
  public static final int MARK_COMMITTED = 7;

  /** Class id of {@link PublishDecision}. */
  public static final int PUBLISH_DECISION = 8;

  /** Class id of {@link CommitBatch}. */
  public static final int COMMIT_BATCH = 9;

  // 10 was LookupBatch (the second Raft read of a commit, gone since the commit answers itself).

  /** Class id of {@link CreateProposal}. */
  public static final int CREATE_PROPOSAL = 11;

  /** Class id of {@link ApplyVotes}. */
  public static final int APPLY_VOTES = 12;

  /** Class id of {@link VoteResults}. */
  public static final int VOTE_RESULTS = 13;

  /** Class id of {@code TallyDelta}. */
  public static final int TALLY_DELTA = 14;

  /** Class id of {@link KeepFor}. */
  public static final int KEEP_FOR = 15;

  /** Class id of {@link ForgetCommitted}. */
  public static final int FORGET_COMMITTED = 16;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case PROPOSE_TASK -> new ProposeTask();
      case ACCEPTED -> new ProposeTask.Accepted();
      case APPLY_VOTE -> new ApplyVote();
      case VOTE_RESULT -> new VoteResult();
      case SET_TALLY -> new SetTally();
      case CLOSE_EXPIRED -> new CloseExpired();
      case MARK_COMMITTED -> new MarkCommitted();
      case PUBLISH_DECISION -> new PublishDecision();
      case COMMIT_BATCH -> new CommitBatch();
      case CREATE_PROPOSAL -> new CreateProposal();
      case APPLY_VOTES -> new ApplyVotes();
      case VOTE_RESULTS -> new VoteResults();
      case TALLY_DELTA -> new TallyDelta();
      case KEEP_FOR -> new KeepFor<>();
      case FORGET_COMMITTED -> new ForgetCommitted();
      default -> null;
    };
  }
}
