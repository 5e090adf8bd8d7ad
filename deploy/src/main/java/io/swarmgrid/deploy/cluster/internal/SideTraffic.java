package io.swarmgrid.deploy.cluster.internal;

import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Consensus proposals, messages and balance tasks made while a workload runs under chaos, so that
 * the checker can tell afterwards whether any proposal got two decisions, any acknowledged message
 * was lost, or any acknowledged task did not end DONE. Only what the cluster acknowledged counts: a
 * propose, send or submit that threw was never promised.
 */
public final class SideTraffic implements AutoCloseable {
  private static final Duration PACE = Duration.ofMillis(300);
  private static final int MAX_PROPOSALS = 40;
  private static final int MAX_MESSAGES = 200;

  private final SwarmClient client;
  private final boolean consensus;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<ClientNode> voters = new ArrayList<>();
  private final List<String> proposals = new CopyOnWriteArrayList<>();
  private final Map<String, Set<String>> announced = new ConcurrentHashMap<>();
  private final Set<String> sent = ConcurrentHashMap.newKeySet();
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final BalanceTraffic tasks;
  private Mailbox inbox;
  private Mailbox sender;
  private UUID listener;
  private Thread thread;

  /**
   * @param consensus whether the members run consensus (the CP Subsystem needs 3 nodes)
   */
  public SideTraffic(SwarmClient client, boolean consensus) {
    this.client = client;
    this.consensus = consensus;
    this.tasks = new BalanceTraffic(client, run);
  }

  /** Joins the voters and the two messengers and starts proposing and sending. */
  public void start() {
    if (consensus) {
      for (int i = 0; i < 3; i++) {
        voters.add(
            client.joinAsNode(
                "checker-" + run + "-voter-" + i,
                NodeKeys.generate(),
                "checker",
                NodeTier.EDGE,
                List.of()));
      }
      listener =
          client
              .consensus()
              .addDecisionListener(
                  d ->
                      announced
                          .computeIfAbsent(d.proposalId(), k -> ConcurrentHashMap.newKeySet())
                          .add(key(d)));
    }
    inbox = client.messenger("checker-" + run + "-inbox", "checker", NodeTier.EDGE);
    inbox.subscribe(m -> received.add(m.id()));
    sender = client.messenger("checker-" + run + "-sender", "checker", NodeTier.EDGE);
    tasks.start();
    thread = SwarmThreads.start("swarmgrid-checker-traffic", this::loop);
  }

  private void loop() {
    int i = 0;
    while (!stop.get()
        && (proposals.size() < MAX_PROPOSALS || sent.size() < MAX_MESSAGES || tasks.wantsMore())) {
      try {
        if (consensus && proposals.size() < MAX_PROPOSALS) {
          propose();
        }
        for (int m = 0; m < 5 && sent.size() < MAX_MESSAGES; m++) {
          sent.add(
              sender.send(
                  inbox.nodeId(),
                  MessageType.STATUS_UPDATE,
                  Priority.NORMAL,
                  ("checker " + i++).getBytes(StandardCharsets.UTF_8)));
        }
        for (int t = 0; t < 2 && tasks.wantsMore(); t++) {
          tasks.submitOne();
        }
      } catch (RuntimeException e) {
        // Not acknowledged, so not promised; a failure while members die is expected.
        errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      try {
        Thread.sleep(PACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void propose() {
    Proposal p =
        client
            .consensus()
            .propose(
                ProposalRequest.builder(voters.get(0).nodeId(), DecisionType.CONFIGURATION_CHANGE)
                    .electorate(voters.stream().map(ClientNode::nodeId).toList())
                    .build());
    proposals.add(p.id());
    for (ClientNode v : voters) {
      client.consensus().vote(v, p.id(), Proposal.APPROVE, 1.0);
    }
  }

  private static String key(Decision d) {
    return d.outcome() + "/" + d.end() + "/" + d.decidedAt() + "/" + d.voters();
  }

  /**
   * Stops proposing and sending, waits up to {@code delivery} for every acknowledged message (and
   * as long again for every acknowledged task to finish), and then up to {@code decisions} for the
   * proposals still undecided (none may ever be decided if the CP Subsystem lost its majority), and
   * checks.
   */
  public CheckReport finish(boolean resultMatches, Duration delivery, Duration decisions)
      throws InterruptedException {
    stop.set(true);
    thread.join(30_000);
    long deadline = System.nanoTime() + delivery.toNanos();
    while (System.nanoTime() < deadline && !received.containsAll(sent)) {
      Thread.sleep(250);
    }
    deadline = System.nanoTime() + decisions.toNanos();
    while (System.nanoTime() < deadline && undecided() > 0) {
      Thread.sleep(250);
    }
    List<String> problems = new ArrayList<>();
    int decided = 0;
    int conflicting = 0;
    for (String id : proposals) {
      Optional<Decision> stored = client.consensus().decision(id);
      Set<String> seen = announced.getOrDefault(id, Set.of());
      if (stored.isPresent()) {
        decided++;
      }
      if (seen.size() > 1
          || (stored.isPresent() && !seen.isEmpty() && !seen.contains(key(stored.get())))) {
        conflicting++;
        problems.add(
            "proposal "
                + id
                + " has decisions "
                + seen
                + " stored "
                + stored.map(SideTraffic::key));
      }
    }
    Set<String> lost = ConcurrentHashMap.newKeySet();
    lost.addAll(sent);
    lost.removeAll(received);
    if (!lost.isEmpty()) {
      // A take whose answer was lost with its connection is the one way known to lose them.
      problems.add(
          lost.size()
              + " acknowledged messages never delivered (takes from the inbox that failed: "
              + inbox.stats().failedTakes()
              + "), e.g. "
              + lost.iterator().next());
    }
    BalanceTraffic.Figures t = tasks.check(delivery, problems);
    return new CheckReport(
        resultMatches,
        proposals.size(),
        decided,
        conflicting,
        sent.size(),
        lost.size(),
        t.submitted(),
        t.done(),
        t.rerun(),
        problems);
  }

  private long undecided() {
    return proposals.stream().filter(id -> client.consensus().decision(id).isEmpty()).count();
  }

  /** Errors of proposes and sends that were never acknowledged (not violations). */
  public List<String> unacknowledged() {
    return List.copyOf(errors);
  }

  @Override
  public void close() {
    stop.set(true);
    tasks.close();
    if (listener != null) {
      client.consensus().removeDecisionListener(listener);
    }
    for (Mailbox m : new Mailbox[] {inbox, sender}) {
      if (m != null) {
        m.close();
      }
    }
  }
}
