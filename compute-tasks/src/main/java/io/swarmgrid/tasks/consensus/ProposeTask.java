package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.swarmgrid.config.ConsensusConfig;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.FactoryIds;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Tally;
import io.swarmgrid.storage.consensus.TallyStatus;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.reputation.Reputation;
import io.swarmgrid.storage.reputation.ReputationStore;
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Makes a proposal, on the member that owns its partition (submit it to the key owner of the id).
 * Validates the request against {@code swarmgrid.consensus}, takes the electorate snapshot (active,
 * non-quarantined nodes with their reputations and public keys) and stores the tally and the
 * proposal. A bad request throws {@link IllegalArgumentException} naming the field and the value,
 * and stores nothing.
 */
public final class ProposeTask
    implements Callable<ProposeTask.Accepted>, HazelcastInstanceAware, IdentifiedDataSerializable {
  private ProposalRequest request;
  private transient HazelcastInstance hz;

  /** For deserialization. */
  public ProposeTask() {}

  /** The task for {@code request}. */
  public ProposeTask(ProposalRequest request) {
    this.request = request;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  /**
   * What the member decided about the request: the electorate it took and when. Not the Compact
   * {@link Proposal}: a Compact value born on a member and sent straight to a client can reach the
   * client before its schema reaches the member the client asks for it.
   */
  public static final class Accepted implements IdentifiedDataSerializable {
    private List<String> electorate;
    private long createdAt;
    private String refusal;

    /** For deserialization. */
    public Accepted() {}

    Accepted(List<String> electorate, long createdAt) {
      this.electorate = List.copyOf(electorate);
      this.createdAt = createdAt;
    }

    /**
     * A refusal sent back as an answer, not thrown: an exception thrown by an entry processor is
     * logged by Hazelcast as an ERROR on the member, and a client's bad request is not one.
     */
    static Accepted refused(String reason) {
      Accepted a = new Accepted(List.of(), 0);
      a.refusal = reason;
      return a;
    }

    /** Why the request was refused, or null. */
    String refusal() {
      return refusal;
    }

    /** The proposal that {@code r} became. */
    public Proposal proposal(ProposalRequest r) {
      return new Proposal(
          r.id(),
          r.proposer(),
          r.type(),
          r.priority(),
          r.deadline(),
          r.confidence(),
          r.features(),
          r.payload(),
          r.options(),
          electorate,
          createdAt);
    }

    @Override
    public int getFactoryId() {
      return FactoryIds.CONSENSUS;
    }

    @Override
    public int getClassId() {
      return ConsensusFactory.ACCEPTED;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      ConsensusWire.writeStrings(out, electorate);
      out.writeLong(createdAt);
      out.writeString(refusal);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      electorate = ConsensusWire.readStrings(in);
      createdAt = in.readLong();
      refusal = in.readString();
    }
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.PROPOSE_TASK;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    ConsensusWire.writeRequest(out, request);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    request = ConsensusWire.readRequest(in);
  }

  @Override
  public Accepted call() {
    SwarmServices services = SwarmServices.of(hz);
    ConsensusHooks hooks = SwarmServices.awaitStarting(hz, ConsensusHooks.class).orElse(null);
    SwarmGridConfig swarm = services.get(SwarmGridConfig.class).orElse(null);
    if (hooks == null || swarm == null) {
      throw new IllegalStateException(
          "the consensus engine is not running on member "
              + hz.getCluster().getLocalMember().getAddress()
              + "; set swarmgrid.engines.consensus: true on every member");
    }
    try {
      Proposal p = create(swarm.consensus());
      hooks.proposalAccepted();
      return new Accepted(new ArrayList<>(p.electorate()), p.createdAt());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      hooks.proposalRefused(
          message == null || message.indexOf(':') < 0
              ? "request"
              : message.substring(0, message.indexOf(':')));
      throw e;
    }
  }

  private Proposal create(ConsensusConfig c) {
    long now = System.currentTimeMillis();
    validate(request, c, now);
    return store(request, c, now);
  }

  /**
   * Checks {@code r} against {@code c} at {@code now}; shared with {@link CreateProposal}.
   *
   * @throws IllegalArgumentException naming the field and the value
   */
  static void validate(ProposalRequest r, ConsensusConfig c, long now) {
    if (r.id() == null || r.id().isBlank() || r.id().length() > 128) {
      throw new IllegalArgumentException("id: '" + r.id() + "' must be 1..128 characters");
    }
    if (r.type() == null) {
      throw new IllegalArgumentException(
          "type: missing; one of " + List.of(io.swarmgrid.storage.consensus.DecisionType.values()));
    }
    if (r.priority() < 0 || r.priority() > 9) {
      throw new IllegalArgumentException("priority: " + r.priority() + " is outside 0..9");
    }
    if (r.deadline() <= now) {
      throw new IllegalArgumentException(
          "deadline: " + r.deadline() + " is in the past (now " + now + ")");
    }
    if (r.deadline() > now + c.maxDeadlineSeconds() * 1000L) {
      throw new IllegalArgumentException(
          "deadline: "
              + r.deadline()
              + " is more than consensus.max-deadline-seconds="
              + c.maxDeadlineSeconds()
              + " from now ("
              + now
              + ")");
    }
    if (!(r.confidence() >= 0.0 && r.confidence() <= 1.0)) {
      throw new IllegalArgumentException("confidence: " + r.confidence() + " is outside 0..1");
    }
    if (r.features().length > c.maxVectorLength()) {
      throw new IllegalArgumentException(
          "features: "
              + r.features().length
              + " values is over consensus.max-vector-length="
              + c.maxVectorLength());
    }
    for (int i = 0; i < r.features().length; i++) {
      if (!Double.isFinite(r.features()[i])) {
        throw new IllegalArgumentException(
            "features[" + i + "]: " + r.features()[i] + " is not a finite number");
      }
    }
    if (r.payload().length > c.maxPayloadBytes()) {
      throw new IllegalArgumentException(
          "payload: "
              + r.payload().length
              + " bytes is over consensus.max-payload-bytes="
              + c.maxPayloadBytes());
    }
    ProposalBounds.check(r);
    if (r.options().size() < 2 || r.options().size() > c.maxOptions()) {
      throw new IllegalArgumentException(
          "options: " + r.options() + " must have 2.." + c.maxOptions() + " entries");
    }
    if (new HashSet<>(r.options()).size() != r.options().size()
        || r.options().stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "options: " + r.options() + " must be distinct, non-blank labels");
    }
  }

  private Proposal store(ProposalRequest r, ConsensusConfig c, long now) {
    NodeRegistry registry = new NodeRegistry(hz);
    // One lookup for the proposer and the listed electorate.
    List<String> wanted = new ArrayList<>(r.electorate());
    wanted.add(r.proposer());
    Map<String, NodeInfo> known = registry.getAll(wanted);
    NodeInfo proposer = known.get(r.proposer());
    if (proposer == null || !proposer.active()) {
      throw new IllegalArgumentException("proposer: '" + r.proposer() + "' is not an active node");
    }
    List<NodeInfo> electorate = new ArrayList<>();
    if (r.electorate().isEmpty()) {
      electorate.addAll(registry.active());
    } else {
      for (int i = 0; i < r.electorate().size(); i++) {
        String id = r.electorate().get(i);
        NodeInfo n = known.get(id);
        if (n == null || !n.active()) {
          throw new IllegalArgumentException(
              "electorate[" + i + "]: '" + id + "' is not an active node");
        }
        if (electorate.stream().anyMatch(e -> e.nodeId().equals(id))) {
          throw new IllegalArgumentException("electorate[" + i + "]: '" + id + "' is listed twice");
        }
        electorate.add(n);
      }
    }
    Map<String, Reputation> reputations =
        new ReputationStore(hz).getAll(electorate.stream().map(NodeInfo::nodeId).toList());
    List<String> ids = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    ByteArrayOutputStream keys = new ByteArrayOutputStream();
    for (NodeInfo n : electorate) {
      double reputation = reputations.get(n.nodeId()).voteWeight();
      if (reputation <= 0) {
        continue; // quarantined: no vote
      }
      ids.add(n.nodeId());
      weights.add(reputation);
      keys.writeBytes(n.publicKey());
    }
    if (ids.isEmpty() || weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new IllegalArgumentException(
          "electorate: no eligible voter among "
              + electorate.stream().map(NodeInfo::nodeId).toList()
              + " (all quarantined or without reputation)");
    }
    Proposal proposal =
        new Proposal(
            r.id(),
            r.proposer(),
            r.type(),
            r.priority(),
            r.deadline(),
            r.confidence(),
            r.features(),
            r.payload(),
            r.options(),
            ids,
            now);
    Tally tally =
        new Tally(
            r.id(),
            r.type(),
            r.options(),
            r.deadline(),
            now,
            c.quorumFraction(),
            ids,
            weights.stream().mapToDouble(Double::doubleValue).toArray(),
            keys.toByteArray(),
            List.of(),
            List.of(),
            TallyStatus.OPEN,
            null);
    // Both live until the decision itself expires: the deadline, then the decision's TTL.
    long ttl = (r.deadline() - now) / 1000 + 1 + c.decisionTtlSeconds();
    IMap<String, Tally> tallies = hz.getMap(SwarmMap.VOTES.mapName());
    if (tallies.putIfAbsent(r.id(), tally, ttl, TimeUnit.SECONDS) != null) {
      throw new IllegalArgumentException("id: '" + r.id() + "' is already a proposal");
    }
    IMap<String, Proposal> proposals = hz.getMap(SwarmMap.PROPOSALS.mapName());
    proposals.set(r.id(), proposal, ttl, TimeUnit.SECONDS);
    return proposal;
  }
}
