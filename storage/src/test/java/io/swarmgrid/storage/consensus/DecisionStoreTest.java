package io.swarmgrid.storage.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting for decisions: missed events, callers that give up, proposals that do not exist. */
class DecisionStoreTest {
  @RegisterExtension static final EmbeddedCluster cluster = EmbeddedCluster.of(2);

  private static HazelcastInstance member() {
    return cluster.member(0);
  }

  private static Proposal proposal(String id) {
    long now = System.currentTimeMillis();
    return new Proposal(
        id,
        "p",
        DecisionType.OTHER,
        0,
        now + 60_000,
        1.0,
        new double[0],
        new byte[0],
        Proposal.YES_NO,
        List.of("p"),
        now);
  }

  private static Decision decision(String id) {
    long now = System.currentTimeMillis();
    return new Decision(
        id,
        DecisionType.OTHER,
        0,
        "approve",
        DecisionEnd.QUORUM,
        new double[] {1, 0},
        1,
        List.of("p"),
        1,
        List.of(),
        now,
        now,
        Double.NaN,
        Double.NaN,
        "");
  }

  @Test
  void await_completes_whenTheDecisionsEventWasMissed() throws Exception {
    DecisionStore store = new DecisionStore(cluster.newClient());
    IMap<String, Proposal> proposals = member().getMap(SwarmMap.PROPOSALS.mapName());
    IMap<String, Decision> decisions = member().getMap(SwarmMap.DECISIONS.mapName());
    proposals.set("missed", proposal("missed"));
    CompletableFuture<Decision> waiting = store.await("missed");
    // The map is destroyed and made again: the store's listener registration is gone with it,
    // as it is for events sent while a client reconnects.
    decisions.destroy();
    member().getMap(SwarmMap.DECISIONS.mapName()).set("missed", decision("missed"));

    assertThat(waiting.get(30, TimeUnit.SECONDS).proposalId()).isEqualTo("missed");
    store.close();
  }

  @Test
  void await_afterItsDecisionsEventArrived_completesWithThatDecision() throws Exception {
    // The store keeps the newest decisions its events brought, so an await that comes after its
    // decision was heard is answered without a read.
    DecisionStore store = new DecisionStore(cluster.newClient());
    List<Decision> heard = new CopyOnWriteArrayList<>();
    store.addListener(heard::add);
    member().getMap(SwarmMap.DECISIONS.mapName()).set("heard-first", decision("heard-first"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !heard.isEmpty());

    Decision d = store.await("heard-first").get(30, TimeUnit.SECONDS);
    assertThat(d.proposalId()).isEqualTo("heard-first");
    assertThat(store.awaited()).isZero();
    store.close();
  }

  @Test
  void await_ofAProposalThatDoesNotExist_failsNamingIt() {
    DecisionStore store = new DecisionStore(member());
    CompletableFuture<Decision> waiting = store.await("no-such-proposal");

    Assertions.assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proposalId: 'no-such-proposal'");
    assertThat(store.awaited()).isZero();
    store.close();
  }

  @Test
  void callersThatGiveUp_areForgotten_andOthersKeepWaiting() throws Exception {
    DecisionStore store = new DecisionStore(member());
    member().getMap(SwarmMap.PROPOSALS.mapName()).set("given-up", proposal("given-up"));
    CompletableFuture<Decision> first = store.await("given-up");
    CompletableFuture<Decision> second = store.await("given-up");
    first.cancel(false);
    assertThat(store.awaited()).isEqualTo(1);
    second.orTimeout(1, TimeUnit.MILLISECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.awaited() == 0);

    CompletableFuture<Decision> third = store.await("given-up");
    member().getMap(SwarmMap.DECISIONS.mapName()).set("given-up", decision("given-up"));
    assertThat(third.get(30, TimeUnit.SECONDS).proposalId()).isEqualTo("given-up");
    store.close();
  }
}
