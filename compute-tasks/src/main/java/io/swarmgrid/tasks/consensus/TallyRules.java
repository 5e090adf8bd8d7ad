package io.swarmgrid.tasks.consensus;

import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.consensus.VoteReceipt;
import io.swarmgrid.storage.consensus.VoteStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a tally, as pure functions: which votes count, how much, and when a proposal is
 * decided. A vote's weight is its confidence times the voter's reputation at proposal time; an
 * option wins when its weight is more than {@code quorumFraction} of the electorate's weight.
 */
public final class TallyRules {
  private TallyRules() {}

  /**
   * The result of applying a vote.
   *
   * @param next the new tally, or null if nothing changed
   * @param receipt what to tell the voter
   * @param resent whether the vote is one already counted, sent again (its receipt is the first
   *     one's; nothing changed)
   */
  public record Applied(Tally next, VoteReceipt receipt, boolean resent) {
    Applied(Tally next, VoteReceipt receipt) {
      this(next, receipt, false);
    }

    /** What this delivery did, for counters: a resent vote counted nothing again. */
    public VoteStatus effect() {
      return resent ? VoteStatus.DUPLICATE : receipt.status();
    }
  }

  /**
   * Applies {@code vote} to {@code tally} (null if there is none) at time {@code now}.
   *
   * <p>A vote already counted, byte for byte with its signature, is a call sent again after its
   * answer was lost: it gets the receipt of its first delivery (ACCEPTED, or DECIDED with the
   * decision if it completed the quorum) whatever the tally has become since, so that the caller
   * learns that its vote counted rather than "already decided" or "after the deadline".
   */
  public static Applied apply(Tally tally, Vote vote, long now, int maxVectorLength) {
    String pid = vote.proposalId();
    if (tally == null) {
      return refused(
          vote, VoteStatus.UNKNOWN_PROPOSAL, "proposalId: '" + pid + "' is not an open proposal");
    }
    Vote earlier =
        tally.votes().stream().filter(v -> v.voter().equals(vote.voter())).findFirst().orElse(null);
    if (earlier != null
        && earlier.sameContent(vote)
        && Arrays.equals(earlier.signature(), vote.signature())) {
      return firstReceipt(tally, earlier);
    }
    if (tally.status() != TallyStatus.OPEN) {
      return refused(
          vote,
          VoteStatus.ALREADY_DECIDED,
          "proposal '" + pid + "' is already decided: " + tally.decision().end());
    }
    if (now > tally.deadline()) {
      return refused(
          vote,
          VoteStatus.AFTER_DEADLINE,
          "timestamp: the deadline "
              + tally.deadline()
              + " of proposal '"
              + pid
              + "' passed "
              + (now - tally.deadline())
              + " ms ago");
    }
    int index = tally.voterIndex(vote.voter());
    if (index < 0) {
      return refused(
          vote,
          VoteStatus.UNKNOWN_VOTER,
          "voter: '"
              + vote.voter()
              + "' is not in the electorate of proposal '"
              + pid
              + "' (unknown, gone or quarantined when it was made)");
    }
    if (!(vote.confidence() >= 0.0 && vote.confidence() <= 1.0)) {
      return refused(
          vote, VoteStatus.INVALID, "confidence: " + vote.confidence() + " is outside 0..1");
    }
    if (vote.choice() < 0 || vote.choice() >= tally.options().size()) {
      return refused(
          vote,
          VoteStatus.INVALID,
          "choice: "
              + vote.choice()
              + " is not an option index 0.."
              + (tally.options().size() - 1)
              + " "
              + tally.options());
    }
    if (vote.reasoning().length > maxVectorLength) {
      return refused(
          vote,
          VoteStatus.INVALID,
          "reasoning: "
              + vote.reasoning().length
              + " values is over consensus.max-vector-length="
              + maxVectorLength);
    }
    if (!vote.verify(tally.publicKey(index))) {
      return refused(
          vote,
          VoteStatus.FORGED_SIGNATURE,
          "signature: does not verify with the public key of '" + vote.voter() + "'");
    }
    if (tally.conflicting().stream().anyMatch(v -> v.voter().equals(vote.voter()))) {
      return refused(
          vote,
          VoteStatus.EQUIVOCATOR,
          "voter: '"
              + vote.voter()
              + "' equivocated on proposal '"
              + pid
              + "'; its later votes don't count");
    }
    if (earlier != null) {
      // The same choice signed again (a retry with a new timestamp or confidence) is a duplicate,
      // not equivocation: evidence validation (MaterialChecks) needs two different choices.
      if (earlier.sameContent(vote) || earlier.choice() == vote.choice()) {
        return refused(
            vote,
            VoteStatus.DUPLICATE,
            "voter: '"
                + vote.voter()
                + "' already voted choice "
                + earlier.choice()
                + " on '"
                + pid
                + "'; the first vote counts");
      }
      List<Vote> conflicting = new ArrayList<>(tally.conflicting());
      conflicting.add(vote);
      Tally next = with(tally, tally.votes(), conflicting, TallyStatus.OPEN, null);
      return new Applied(
          next,
          new VoteReceipt(
              pid,
              vote.voter(),
              VoteStatus.EQUIVOCATION,
              "voter: '"
                  + vote.voter()
                  + "' signed two different votes on '"
                  + pid
                  + "'; kept as evidence, not counted",
              null));
    }
    List<Vote> votes = new ArrayList<>(tally.votes());
    votes.add(vote);
    Decision decision = quorum(tally, votes, now);
    if (decision != null) {
      return new Applied(
          with(tally, votes, tally.conflicting(), TallyStatus.DECIDED, decision),
          new VoteReceipt(
              pid,
              vote.voter(),
              VoteStatus.DECIDED,
              "counted; proposal decided: " + decision.end(),
              decision));
    }
    return new Applied(
        with(tally, votes, tally.conflicting(), TallyStatus.OPEN, null),
        new VoteReceipt(pid, vote.voter(), VoteStatus.ACCEPTED, "counted", null));
  }

  /** What {@code counted}, a vote of {@code tally} sent again, was told when it was counted. */
  private static Applied firstReceipt(Tally tally, Vote counted) {
    // Votes are counted only while the tally is open, so the last one counted decided it unless
    // the deadline closed it.
    List<Vote> votes = tally.votes();
    Decision decision = tally.decision();
    boolean decidedIt =
        votes.get(votes.size() - 1) == counted
            && decision != null
            && decision.end() != DecisionEnd.DEADLINE_PASSED;
    VoteReceipt first =
        decidedIt
            ? new VoteReceipt(
                counted.proposalId(),
                counted.voter(),
                VoteStatus.DECIDED,
                "counted (sent again); proposal decided: " + decision.end(),
                decision)
            : new VoteReceipt(
                counted.proposalId(),
                counted.voter(),
                VoteStatus.ACCEPTED,
                "counted (sent again)",
                null);
    return new Applied(null, first, true);
  }

  /** Closes an open tally whose deadline has passed at {@code now}; null if it is not due. */
  public static Tally closeIfExpired(Tally tally, long now) {
    if (tally == null || tally.status() != TallyStatus.OPEN || now <= tally.deadline()) {
      return null;
    }
    Decision d =
        new Decision(
            tally.proposalId(),
            tally.type(),
            -1,
            "",
            DecisionEnd.DEADLINE_PASSED,
            weights(tally, tally.votes()),
            tally.eligibleWeight(),
            voters(tally.votes()),
            meanConfidence(tally.votes()),
            equivocators(tally),
            tally.createdAt(),
            now,
            Double.NaN,
            Double.NaN,
            "no option reached the quorum by the deadline");
    return with(tally, tally.votes(), tally.conflicting(), TallyStatus.DECIDED, d);
  }

  /** Weighted sum per option. */
  public static double[] weights(Tally tally, List<Vote> votes) {
    double[] w = new double[tally.options().size()];
    for (Vote v : votes) {
      w[v.choice()] += v.confidence() * tally.weights()[tally.voterIndex(v.voter())];
    }
    return w;
  }

  private static Decision quorum(Tally tally, List<Vote> votes, long now) {
    double[] w = weights(tally, votes);
    double needed = tally.quorumFraction() * tally.eligibleWeight();
    for (int option = 0; option < w.length; option++) {
      if (w[option] > needed) {
        boolean reject = "reject".equals(tally.options().get(option));
        return new Decision(
            tally.proposalId(),
            tally.type(),
            reject ? -1 : option,
            reject ? "" : tally.options().get(option),
            reject ? DecisionEnd.REJECTED : DecisionEnd.QUORUM,
            w,
            tally.eligibleWeight(),
            voters(votes),
            meanConfidence(votes),
            equivocators(tally),
            tally.createdAt(),
            now,
            Double.NaN,
            Double.NaN,
            reason(tally.options().get(option), w[option], tally.eligibleWeight(), needed));
      }
    }
    return null;
  }

  /**
   * Why an option won, with three decimals: the same text {@code String.format} made, without its
   * parser and formatter (one per decision, on the partition thread).
   */
  static String reason(String option, double weight, double eligible, double needed) {
    return "'"
        + option
        + "' reached "
        + threeDecimals(weight)
        + " of "
        + threeDecimals(eligible)
        + " eligible weight (quorum > "
        + threeDecimals(needed)
        + ")";
  }

  private static String threeDecimals(double v) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(3, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static double meanConfidence(List<Vote> votes) {
    return votes.stream().mapToDouble(Vote::confidence).average().orElse(0);
  }

  private static List<String> voters(List<Vote> votes) {
    return votes.stream().map(Vote::voter).toList();
  }

  private static List<String> equivocators(Tally tally) {
    Set<String> ids = new LinkedHashSet<>();
    tally.conflicting().forEach(v -> ids.add(v.voter()));
    return List.copyOf(ids);
  }

  static Tally with(
      Tally t, List<Vote> votes, List<Vote> conflicting, TallyStatus status, Decision decision) {
    return new Tally(
        t.proposalId(),
        t.type(),
        t.options(),
        t.deadline(),
        t.createdAt(),
        t.quorumFraction(),
        t.eligible(),
        t.weights(),
        t.publicKeys(),
        votes,
        conflicting,
        status,
        decision);
  }

  private static Applied refused(Vote vote, VoteStatus status, String reason) {
    return new Applied(
        null, new VoteReceipt(vote.proposalId(), vote.voter(), status, reason, null));
  }
}
