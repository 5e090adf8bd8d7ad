package io.swarmgrid.deploy.demo;

import io.swarmgrid.client.ClientNode;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.propagation.PropagationClient;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.node.NodeRegistry;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.StatePublisher;
import io.swarmgrid.storage.propagation.StateSubscriber;
import io.swarmgrid.storage.propagation.StateView;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A model in training streams its weights: a critical subscriber gets every update at full
 * precision, a low-interest edge node under the edge tier's small budget gets fewer, quantized
 * ones; both end on the last weights at their quality.
 */
final class PropagationScenario implements Scenario {
  private static final String STATE = "demo.model.weights";
  private static final int WEIGHTS = 256;
  private static final int UPDATES = 300;

  @Override
  public String title(DemoContext demo) {
    return "Propagation (state streams by interest, quality and bandwidth budget)";
  }

  @Override
  public void run(DemoContext demo) throws Exception {
    PrintStream out = demo.out();
    SwarmClient client = demo.client();
    PropagationClient propagation = client.propagation();
    ClientNode trainer =
        client.joinAsNode("trainer", NodeKeys.generate(), "eu-west", NodeTier.CLOUD, List.of());
    try (Mailbox analyst = client.messenger("analyst", "eu-west", NodeTier.CLOUD);
        Mailbox edge = client.messenger("edge-7", "us-east", NodeTier.EDGE)) {
      StateSubscriber analystView = propagation.subscribe(analyst, m -> {});
      StateSubscriber edgeView = propagation.subscribe(edge, m -> {});
      propagation.declare(STATE, "analyst", InterestLevel.CRITICAL);
      propagation.declare("demo.model.*", "edge-7", InterestLevel.LOW);
      StatePublisher publisher = propagation.publisher(trainer);
      CompletableFuture<Integer> last = null;
      for (int step = 1; step <= UPDATES; step++) {
        last =
            publisher.publish(
                STATE,
                step % 100 == 1,
                Priority.NORMAL,
                weights(step),
                full -> List.of(quantized(full)));
        if (step % 50 == 0) {
          last.join();
        }
      }
      last.join();
      demo.waitFor(
          "both subscribers on the last weights",
          () -> seq(analystView) == UPDATES && seq(edgeView) == UPDATES);
      PropagationCounts a = propagation.nodeStats("analyst");
      PropagationCounts e = propagation.nodeStats("edge-7");
      out.printf(
          "trainer published %d weight updates (%d float32 weights, %d bytes; quantized %d bytes)%n",
          UPDATES, WEIGHTS, WEIGHTS * 4, WEIGHTS);
      out.printf(
          "  analyst (critical, unlimited): applied %d, quality %d, sent %d, %d bytes%n",
          analystView.view(STATE).orElseThrow().applied(),
          analystView.view(STATE).orElseThrow().latest().quality(),
          a.sent(),
          a.bytes());
      out.printf(
          "  edge-7 (low, budget %d B/s): applied %d, quality %d, sent %d, %d bytes, dropped %d,"
              + " degraded %d%n",
          e.budgetBytesPerSecond(),
          edgeView.view(STATE).orElseThrow().applied(),
          edgeView.view(STATE).orElseThrow().latest().quality(),
          e.sent(),
          e.bytes(),
          e.dropped(),
          e.degraded());
      out.println("  both converged on update " + UPDATES + " at their quality");
      NodeRegistry registry = new NodeRegistry(client.hazelcast());
      for (String node : List.of("trainer", "analyst", "edge-7")) {
        registry.markGone(node, System.currentTimeMillis(), 60);
      }
    }
  }

  private static long seq(StateSubscriber s) {
    return s.view(STATE).map(StateView::seq).orElse(0L);
  }

  private static byte[] weights(int step) {
    ByteBuffer b = ByteBuffer.allocate(WEIGHTS * 4);
    for (int i = 0; i < WEIGHTS; i++) {
      b.putFloat((float) Math.sin(i * 0.1 + step * 0.01));
    }
    return b.array();
  }

  /** 8 bits per weight instead of 32: the stream's degradation function. */
  private static byte[] quantized(byte[] full) {
    ByteBuffer in = ByteBuffer.wrap(full);
    byte[] q = new byte[full.length / 4];
    for (int i = 0; i < q.length; i++) {
      q[i] = (byte) Math.round(Math.max(-1, Math.min(1, in.getFloat())) * 127);
    }
    return q;
  }
}
