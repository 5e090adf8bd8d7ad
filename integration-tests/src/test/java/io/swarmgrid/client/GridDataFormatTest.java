package io.swarmgrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.collection.IQueue;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.config.DiffusionConfig;
import io.swarmgrid.config.EngineKind;
import io.swarmgrid.config.EnginesConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.plugin.SwarmGrid;
import io.swarmgrid.plugin.balance.BalanceEngine;
import io.swarmgrid.storage.balance.ResourceRequirements;
import io.swarmgrid.storage.balance.TaskRequest;
import io.swarmgrid.storage.consensus.DecisionType;
import io.swarmgrid.storage.consensus.Proposal;
import io.swarmgrid.storage.consensus.ProposalRequest;
import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Mailboxes;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.testsupport.EmbeddedCluster;
import io.swarmgrid.tasks.diffusion.Claim;
import io.swarmgrid.tasks.diffusion.CopyResult;
import io.swarmgrid.tasks.diffusion.ShareState;
import io.swarmgrid.tasks.diffusion.Visit;
import io.swarmgrid.tasks.workload.WordCount;
import io.swarmgrid.tasks.workload.WordCounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code swarm.*} map and queue of a demo-like cluster (consensus, fault, messaging, balance
 * and diffusion engines on, some work done in each) is read by a Hazelcast client that has none of
 * SwarmGrid's serializers and refuses to Java-deserialize SwarmGrid classes, as a client in another
 * language would: every key and value comes back as a {@code GenericRecord} or a plain value.
 */
class GridDataFormatTest {
  @TempDir static Path keys;

  @RegisterExtension
  static final EmbeddedCluster cluster =
      EmbeddedCluster.of(3)
          .cpMembers(3)
          .configure(
              (i, c) ->
                  SwarmGrid.enable(
                      c,
                      SwarmGridConfig.custom()
                          .node(
                              NodeConfig.custom()
                                  .id("g" + i)
                                  .keyFile(keys.resolve("{node-id}.key").toString())
                                  .build())
                          .engines(
                              EnginesConfig.of(
                                  EnumSet.of(
                                      EngineKind.CONSENSUS,
                                      EngineKind.FAULT,
                                      EngineKind.MESSAGING,
                                      EngineKind.BALANCE,
                                      EngineKind.DIFFUSION)))
                          .diffusion(
                              DiffusionConfig.custom().virtualNodes(1).chunkBytes(8 * 1024).build())
                          .build()));

  /** The structures the work below fills; each must be read with at least one entry. */
  static final List<String> FILLED =
      List.of(
          "swarm.nodes",
          "swarm.reputation",
          "swarm.proposals",
          "swarm.votes",
          "swarm.decisions",
          "swarm.checkpoints",
          "swarm.work",
          "swarm.tasks",
          "swarm.content",
          "swarm.diffusion.tasks",
          "swarm.diffusion.shares",
          "swarm.diffusion.visits",
          "swarm.diffusion.topology",
          Mailboxes.inboxName("reader", Priority.NORMAL));

  @Test
  void everySwarmStructure_isReadable_byAClientWithoutSwarmGridClasses() throws Exception {
    try (SwarmClient client =
        SwarmClient.connect(
            new SwarmClientConfig(
                cluster.clusterName(),
                cluster.clientConfig().getNetworkConfig().getAddresses(),
                30_000))) {
      doSomeWorkInEveryFeature(client);
    }

    ClientConfig plain = new ClientConfig().setClusterName(cluster.clusterName());
    plain.getNetworkConfig().setAddresses(cluster.clientConfig().getNetworkConfig().getAddresses());
    // Hazelcast's default filter: com.hazelcast., java* and arrays only, so any SwarmGrid class
    // travelling by Java serialization fails here as it would in another language.
    plain
        .getSerializationConfig()
        .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    HazelcastInstance foreign = cluster.newClient(plain);

    Map<String, Integer> read = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (DistributedObject o : foreign.getDistributedObjects()) {
      if (!o.getName().startsWith("swarm.")) {
        continue;
      }
      List<Object> items = new ArrayList<>();
      try {
        if (o instanceof IMap<?, ?> map) {
          for (Map.Entry<?, ?> e : map.entrySet()) {
            items.add(e.getKey());
            items.add(e.getValue());
          }
        } else if (o instanceof IQueue<?> queue) {
          items.addAll(queue);
        } else {
          continue;
        }
      } catch (RuntimeException e) {
        problems.add(o.getName() + ": " + e);
        continue;
      }
      for (Object item : items) {
        if (!plainValue(item)) {
          problems.add(o.getName() + ": a " + item.getClass().getName());
        }
      }
      read.put(o.getName(), items.size());
    }
    assertThat(problems).as("structures not readable without SwarmGrid classes").isEmpty();
    for (String name : FILLED) {
      assertThat(read.getOrDefault(name, 0)).as(name + " read, with entries").isPositive();
    }
    GenericRecord share =
        (GenericRecord) foreign.getMap("swarm.diffusion.shares").get(ShareState.key("t-1", 0));
    assertThat(share.getGenericRecord("agreed").getArrayOfString("wordsKeys"))
        .containsExactly("swarm");
    assertThat(share.getArrayOfGenericRecord("copies")[0].getString("nodeId")).isEqualTo("g0");
  }

  private static boolean plainValue(Object o) {
    return o instanceof GenericRecord
        || o instanceof String
        || o instanceof Number
        || o instanceof Boolean
        || o instanceof byte[]
        || o instanceof HazelcastJsonValue;
  }

  private static void doSomeWorkInEveryFeature(SwarmClient client) throws Exception {
    // Consensus: three client nodes decide a proposal.
    List<io.swarmgrid.client.ClientNode> voters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      voters.add(
          client.joinAsNode("voter-" + i, NodeKeys.generate(), "eu", NodeTier.EDGE, List.of()));
    }
    Proposal p =
        client
            .consensus()
            .propose(
                ProposalRequest.builder("voter-0", DecisionType.MODEL_UPDATE)
                    .electorate(
                        voters.stream().map(io.swarmgrid.client.ClientNode::nodeId).toList())
                    .payload("v2".getBytes(StandardCharsets.UTF_8))
                    .deadlineIn(Duration.ofSeconds(30))
                    .build());
    for (var v : voters) {
      client.consensus().vote(v, p.id(), Proposal.APPROVE, 0.9, 0.9);
    }
    client.consensus().awaitDecision(p.id()).get(60, TimeUnit.SECONDS);

    // Fault tolerance: evidence that voter-0 signed two choices on one proposal (which writes its
    // reputation), a checkpoint (a member task) and a work item.
    io.swarmgrid.client.ClientNode liar = voters.get(0);
    List<SignedPayload> votes = new ArrayList<>();
    for (int choice = 0; choice < 2; choice++) {
      Vote v =
          Vote.signed(liar.keys(), p.id(), liar.nodeId(), choice, 1.0, new double[0], choice + 1);
      votes.add(new SignedPayload(liar.nodeId(), v.signedBytes(), v.signature()));
    }
    client
        .fault()
        .reportEvidence(
            Evidence.sign(
                EvidenceKind.EQUIVOCATION,
                liar.nodeId(),
                p.id(),
                votes,
                voters.get(1).nodeId(),
                voters.get(1).keys(),
                System.currentTimeMillis()));
    client.fault().saveCheckpoint("owner-1", new byte[] {1, 2, 3});
    client.fault().work().create("work-1", "task", "g0", System.currentTimeMillis());

    // Messaging: a message waiting in a node's inbox.
    try (Mailbox reader = client.messenger("reader", "eu", NodeTier.EDGE);
        Mailbox writer = client.messenger("writer", "eu", NodeTier.EDGE)) {
      writer.send(reader.nodeId(), MessageType.STATUS_UPDATE, Priority.NORMAL, new byte[] {7});
    }

    // Balancing: a task run by a member handler, and one no node can run.
    for (HazelcastInstance m : cluster.members()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> SwarmGrid.service(m, BalanceEngine.class).isPresent());
      SwarmGrid.service(m, BalanceEngine.class)
          .orElseThrow()
          .registerHandler("echo", ctx -> ctx.task().input());
    }
    String taskId =
        client
            .balance()
            .submit(TaskRequest.of("echo", 5).onData("data-1").withInput("hi"))
            .taskId();
    client.balance().await(taskId, Duration.ofSeconds(30));
    client
        .balance()
        .submit(TaskRequest.of("echo", 5).requiring(new ResourceRequirements(0, 0, 8, List.of())));

    // Diffusion: a word count spread over the members' nodes.
    DiffusionClient diffusion = client.diffusion();
    await().atMost(Duration.ofSeconds(60)).until(() -> diffusion.topology().size() == 6);
    String text = Files.readString(Path.of("../deploy/samples/loghub/Linux_2k.log"));
    String id = diffusion.inject(DiffusionRequest.ofText(WordCount.NAME, text, 50));
    assertThat(diffusion.result(id, WordCounts.class, Duration.ofSeconds(60)).total()).isPositive();
    // A finished task's chunks and visits are deleted at once; write one of each as the engine
    // does mid-task.
    client
        .hazelcast()
        .getMap("swarm.diffusion.visits")
        .set(Visit.key("t-1", "g0"), new Visit("t-1", "g0", 50, 1L));
    WordCounts counts = new WordCounts(Map.of("swarm", 2L));
    client
        .hazelcast()
        .getMap("swarm.diffusion.shares")
        .set(
            ShareState.key("t-1", 0),
            new ShareState(
                "t-1",
                0,
                List.of(new Claim("g0", "g0", "uuid", 1L)),
                List.of(new CopyResult("g0", "g0", "uuid", counts, new byte[] {1}, new byte[] {2})),
                counts));
  }
}
