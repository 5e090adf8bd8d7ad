package io.swarmgrid.plugin.propagation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.propagation.InterestLevel;
import io.swarmgrid.storage.propagation.PropagationCounts;
import io.swarmgrid.storage.propagation.StateUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bundle's deliveries are counted one by one; its wait and target latency once, its longest. */
class PropagationMetricsTest {
  private static final NodeKeys KEYS = NodeKeys.generate();

  @Test
  void aBundle_countsEachDelivery_andRecordsItsTargetLatencyOnceWithItsOldestUpdate() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    PropagationMetrics metrics = new PropagationMetrics(meters);
    List<Send<Outgoing>> bundle = new ArrayList<>();
    for (int seq = 1; seq <= 3; seq++) {
      StateUpdate u =
          StateUpdate.signed(
              KEYS,
              "m",
              "src",
              seq,
              1_000L * seq,
              Priority.NORMAL,
              seq == 1,
              1,
              List.of(new byte[40], new byte[20]));
      Candidate<Outgoing> c = Outgoing.of(u).candidate(InterestLevel.CRITICAL, 0);
      bundle.add(new Send<>("t", c, 0, c.sizes().get(0), TimeUnit.MILLISECONDS.toNanos(seq)));
    }

    metrics.sent(bundle, 10_000);

    PropagationCounts stream = metrics.stats("member", Map.of()).streams().get(0);
    assertThat(stream.sent()).isEqualTo(3);
    assertThat(stream.bytes()).isEqualTo(bundle.stream().mapToLong(Send::bytes).sum());
    Timer streamLatency = meters.find("swarmgrid.propagation.latency").timer();
    assertThat(streamLatency.count()).isEqualTo(3);
    assertThat(streamLatency.max(TimeUnit.MILLISECONDS)).isEqualTo(9_000);
    Timer target = meters.find("swarmgrid.propagation.target.latency").tag("node", "t").timer();
    assertThat(target.count()).isEqualTo(1);
    assertThat(target.max(TimeUnit.MILLISECONDS)).isEqualTo(9_000);
    Timer wait = meters.find("swarmgrid.propagation.stage").tag("stage", "wait").timer();
    assertThat(wait.count()).isEqualTo(1);
    assertThat(wait.max(TimeUnit.MILLISECONDS)).isEqualTo(3);
  }
}
