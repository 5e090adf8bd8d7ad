package io.swarmgrid.tasks.consensus;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
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
import io.swarmgrid.storage.runtime.SwarmServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a proposal as one entry processor on its own tally entry ({@code swarm.votes}): validates
 * the request like {@link ProposeTask}, takes the electorate from the member's {@link
 * ElectorateView} (no remote read on the partition thread) and creates the tally; the proposal
 * record goes to {@code swarm.proposals} (same key, same partition) as an operation queued right
 * behind this one. Answers null, changing nothing, when the view does not know a named node or the
 * engine is not running: the caller then takes the slow path ({@link ProposeTask}), which reads the
 * registry (or names the missing engine).
 */
public final class CreateProposal
    implements EntryProcessor<String, Tally, ProposeTask.Accepted>,
        HazelcastInstanceAware,
        IdentifiedDataSerializable {
  private ProposalRequest request;
  private transient HazelcastInstance hz;
  private transient Tally created;
  private transient long ttlSeconds;

  /** For deserialization. */
  public CreateProposal() {}

  /** The processor for {@code request}; run it on the key {@code request.id()}. */
  public CreateProposal(ProposalRequest request) {
    this.request = request;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.hz = hz;
  }

  @Override
  public ProposeTask.Accepted process(Map.Entry<String, Tally> entry) {
    SwarmServices services = SwarmServices.of(hz);
    ConsensusHooks hooks = services.get(ConsensusHooks.class).orElse(null);
    SwarmGridConfig swarm = services.get(SwarmGridConfig.class).orElse(null);
    ElectorateView view = services.get(ElectorateView.class).orElse(null);
    if (hooks == null || swarm == null || view == null) {
      return null;
    }
    ConsensusConfig c = swarm.consensus();
    ProposalRequest r = request;
    long now = System.currentTimeMillis();
    try {
      ProposeTask.validate(r, c, now);
      if (entry.getValue() != null) {
        throw new IllegalArgumentException("id: '" + r.id() + "' is already a proposal");
      }
      Optional<List<NodeInfo>> electorate = electorate(view);
      if (electorate.isEmpty()) {
        return null;
      }
      List<String> ids = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      ByteArrayOutputStream keys = new ByteArrayOutputStream();
      for (NodeInfo n : electorate.get()) {
        double reputation = view.voteWeight(n.nodeId());
        if (reputation <= 0) {
          continue; // quarantined: no vote
        }
        ids.add(n.nodeId());
        weights.add(reputation);
        keys.writeBytes(n.publicKey());
      }
      if (ids.isEmpty()) {
        throw new IllegalArgumentException(
            "electorate: no eligible voter among "
                + electorate.get().stream().map(NodeInfo::nodeId).toList()
                + " (all quarantined or without reputation)");
      }
      created =
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
      ttlSeconds = (r.deadline() - now) / 1000 + 1 + c.decisionTtlSeconds();
      ((ExtendedMapEntry<String, Tally>) entry).setValue(created, ttlSeconds, TimeUnit.SECONDS);
      ProposeTask.Accepted accepted = new ProposeTask.Accepted(ids, now);
      // Queued behind this operation on the same partition thread: never blocks it.
      hz.<String, Proposal>getMap(SwarmMap.PROPOSALS.mapName())
          .setAsync(r.id(), accepted.proposal(r), ttlSeconds, TimeUnit.SECONDS);
      hooks.proposalAccepted();
      return accepted;
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      hooks.proposalRefused(
          message == null || message.indexOf(':') < 0
              ? "request"
              : message.substring(0, message.indexOf(':')));
      return ProposeTask.Accepted.refused(message);
    }
  }

  /** The named or the whole active electorate; empty if the view does not know a named node. */
  private Optional<List<NodeInfo>> electorate(ElectorateView view) {
    ProposalRequest r = request;
    Optional<NodeInfo> proposer = view.node(r.proposer());
    if (proposer.isEmpty()) {
      return Optional.empty();
    }
    if (!proposer.get().active()) {
      throw new IllegalArgumentException("proposer: '" + r.proposer() + "' is not an active node");
    }
    if (r.electorate().isEmpty()) {
      return Optional.of(view.active());
    }
    List<NodeInfo> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < r.electorate().size(); i++) {
      String id = r.electorate().get(i);
      Optional<NodeInfo> n = view.node(id);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      if (!n.get().active()) {
        throw new IllegalArgumentException(
            "electorate[" + i + "]: '" + id + "' is not an active node");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("electorate[" + i + "]: '" + id + "' is listed twice");
      }
      list.add(n.get());
    }
    return Optional.of(list);
  }

  @Override
  public EntryProcessor<String, Tally, ProposeTask.Accepted> getBackupProcessor() {
    return created == null ? null : new SetTally(created, ttlSeconds).asBackupOf();
  }

  @Override
  public int getFactoryId() {
    return FactoryIds.CONSENSUS;
  }

  @Override
  public int getClassId() {
    return ConsensusFactory.CREATE_PROPOSAL;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    ConsensusWire.writeRequest(out, request);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    request = ConsensusWire.readRequest(in);
  }
}
