package io.swarmgrid.storage.consensus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a proposer asks for. The member that will hold the proposal validates it against {@code
 * swarmgrid.consensus} and refuses bad values with an error naming the field and the value.
 *
 * @param id unique id; {@link #builder()} makes a random one
 * @param proposer node id of the proposer
 * @param type what is decided
 * @param priority 0..9
 * @param deadline epoch millis, in the future and within {@code max-deadline-seconds}
 * @param confidence 0..1
 * @param features feature vector, at most {@code max-vector-length}
 * @param payload opaque bytes, at most {@code max-payload-bytes}
 * @param options 2..{@code max-options} distinct labels of at most {@value #MAX_OPTION_CHARS}
 *     characters; {@code [approve, reject]} by default
 * @param electorate who may vote, at most {@value #MAX_ELECTORATE} node ids; empty means every
 *     active, non-quarantined node
 */
public record ProposalRequest(
    String id,
    String proposer,
    DecisionType type,
    int priority,
    long deadline,
    double confidence,
    double[] features,
    byte[] payload,
    List<String> options,
    List<String> electorate) {

  /** Longest option label, in characters. */
  public static final int MAX_OPTION_CHARS = 128;

  /** Most node ids an explicit electorate lists. */
  public static final int MAX_ELECTORATE = 10_000;

  /** Copies the lists and arrays. */
  public ProposalRequest {
    features = features == null ? new double[0] : features.clone();
    payload = payload == null ? new byte[0] : payload.clone();
    options = options == null ? Proposal.YES_NO : List.copyOf(options);
    electorate = electorate == null ? List.of() : List.copyOf(electorate);
  }

  /** A builder with a random id, yes/no options, priority 5, confidence 1 and a 30 s deadline. */
  public static Builder builder(String proposer, DecisionType type) {
    return new Builder(proposer, type);
  }

  /** Builds a {@link ProposalRequest}. */
  public static final class Builder {
    private String id = UUID.randomUUID().toString();
    private final String proposer;
    private final DecisionType type;
    private int priority = 5;
    private long deadline = System.currentTimeMillis() + 30_000;
    private double confidence = 1.0;
    private double[] features = new double[0];
    private byte[] payload = new byte[0];
    private List<String> options = Proposal.YES_NO;
    private List<String> electorate = List.of();

    private Builder(String proposer, DecisionType type) {
      this.proposer = Objects.requireNonNull(proposer, "proposer");
      this.type = Objects.requireNonNull(type, "type");
    }

    /** The id (default: a random UUID). */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Priority 0..9 (default 5). */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    /** Absolute deadline, epoch millis. */
    public Builder deadline(long epochMillis) {
      this.deadline = epochMillis;
      return this;
    }

    /** Deadline this long from now. */
    public Builder deadlineIn(Duration d) {
      this.deadline = System.currentTimeMillis() + d.toMillis();
      return this;
    }

    /** The proposer's confidence, 0..1 (default 1). */
    public Builder confidence(double confidence) {
      this.confidence = confidence;
      return this;
    }

    /** The feature vector. */
    public Builder features(double... features) {
      this.features = features;
      return this;
    }

    /** The payload. */
    public Builder payload(byte[] payload) {
      this.payload = payload;
      return this;
    }

    /** The options (default approve, reject). */
    public Builder options(List<String> options) {
      this.options = options;
      return this;
    }

    /** Who may vote (default: every active node). */
    public Builder electorate(List<String> electorate) {
      this.electorate = electorate;
      return this;
    }

    /** The request. */
    public ProposalRequest build() {
      return new ProposalRequest(
          id,
          proposer,
          type,
          priority,
          deadline,
          confidence,
          features,
          payload,
          options,
          electorate);
    }
  }
}
