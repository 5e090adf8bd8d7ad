package io.swarmgrid.benchmarks;

import com.hazelcast.collection.IQueue;
import io.swarmgrid.client.SwarmClient;
import io.swarmgrid.client.SwarmClientConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.NodeConfig;
import io.swarmgrid.config.NodeTier;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.deploy.cluster.StartedCluster;
import io.swarmgrid.deploy.local.LocalCluster;
import io.swarmgrid.storage.messaging.Mailbox;
import io.swarmgrid.storage.messaging.Message;
import io.swarmgrid.storage.messaging.MessageType;
import io.swarmgrid.storage.messaging.MessagingStats;
import io.swarmgrid.storage.messaging.Priority;
import io.swarmgrid.storage.runtime.SwarmThreads;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@code ./swarmgrid bench messaging}: on 3 members in this JVM (ports 6151 and up), or on the
 * member processes of a cluster {@code ./swarmgrid cluster start} started ({@code --cluster-dir}),
 * from one client, (1) throughput: 4 sender threads send Normal messages to one node whose
 * messenger delivers them, end to end, beside the same records offered by 4 threads to a raw {@code
 * IQueue} and polled by one thread; (2) an Emergency stream sent while 100,000 Low messages are
 * backlogged in the same inbox (its latency is send to hand-over); (3) lost: messages sent and
 * never handed over.
 */
final class MessagingBench {
  private static final int PAYLOAD = 128;
  private static final int SENDERS = 4;

  private MessagingBench() {}

  /**
   * @param target a started cluster of member processes, or null for 3 members in this JVM
   */
  static String run(boolean quick, StartedCluster target) throws Exception {
    int throughputMessages = quick ? 20_000 : 100_000;
    int backlog = 100_000;
    int emergencies = quick ? 300 : 1000;
    try (LocalCluster cluster =
            target != null
                ? null
                : LocalCluster.start(
                    "swarmgrid-bench-msg",
                    Integer.getInteger("swarmgrid.bench.basePort", 6151),
                    3,
                    i ->
                        SwarmGridConfig.custom()
                            .node(
                                NodeConfig.custom()
                                    .id("bench-" + i)
                                    .keyFile(".swarmgrid/bench-keys/{node-id}.key")
                                    .build())
                            .build());
        SwarmClient client =
            SwarmClient.connect(
                target != null
                    ? new SwarmClientConfig(target.clusterName(), target.addresses(), 30_000)
                    : SwarmClientConfig.of(
                        "swarmgrid-bench-msg", cluster.addresses().toArray(String[]::new)))) {
      MessagingConfig config = MessagingConfig.DEFAULTS;
      Mailbox sender = client.messenger("bench-sender", "default", NodeTier.CLOUD, config);
      Mailbox receiver = client.messenger("bench-receiver", "default", NodeTier.CLOUD, config);
      Set<String> handed = ConcurrentHashMap.newKeySet();
      AtomicLong normalDelivered = new AtomicLong();
      receiver.subscribe(
          m -> {
            handed.add(m.id());
            if (m.priority() == Priority.NORMAL) {
              normalDelivered.incrementAndGet();
            }
          });
      byte[] payload = new byte[PAYLOAD];

      // Warm-up, then (1) throughput through SwarmGrid messaging.
      sendConcurrently(sender, 2_000, Priority.NORMAL, payload);
      waitFor(() -> normalDelivered.get() >= 2_000);
      long before = normalDelivered.get();
      long t0 = System.nanoTime();
      sendConcurrently(sender, throughputMessages, Priority.NORMAL, payload);
      waitFor(() -> normalDelivered.get() >= before + throughputMessages);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double opsPerSecond = throughputMessages / seconds;
      MessagingStats.Latency normal = receiver.stats().latency().get(Priority.NORMAL);
      System.err.printf(
          "messaging: %d Normal messages in %.2f s: %.0f msg/s, p50 %.2f ms, p99 %.2f ms%n",
          throughputMessages, seconds, opsPerSecond, normal.p50Millis(), normal.p99Millis());

      // Baseline: the same records through a raw IQueue, 4 offering threads, one polling thread.
      IQueue<Message> raw = client.hazelcast().getQueue("bench.raw-queue");
      Message template =
          new Message(
              "x",
              "bench-sender",
              "bench-receiver",
              MessageType.STATE_SYNC,
              Priority.NORMAL,
              0,
              0,
              0,
              "",
              payload);
      rawRun(raw, 2_000, template);
      long r0 = System.nanoTime();
      rawRun(raw, throughputMessages, template);
      double rawSeconds = (System.nanoTime() - r0) / 1e9;
      double baseline = throughputMessages / rawSeconds;
      System.err.printf(
          "raw IQueue: %d offers+polls in %.2f s: %.0f msg/s%n",
          throughputMessages, rawSeconds, baseline);

      // (2) Emergency stream under a 100k Low backlog: fill the inbox with delivery paused, then
      // resume.
      receiver.close();
      Mailbox backlogged = client.messenger("bench-backlog", "default", NodeTier.CLOUD, config);
      sendConcurrently(sender, backlog, Priority.LOW, payload, "bench-backlog");
      System.err.printf(
          "backlog: %d Low messages queued for bench-backlog (inbox size %d)%n",
          backlog, backlogged.queued());
      Set<String> handedBacklog = ConcurrentHashMap.newKeySet();
      AtomicLong emergencyDelivered = new AtomicLong();
      // Each Emergency carries its place in the stream, so that the slowest ones can be told apart:
      // the first few (the receiver starting) or spread out (pauses of the JVM or of the machine).
      AtomicLongArray handedMicros = new AtomicLongArray(emergencies);
      backlogged.subscribe(
          m -> {
            handedBacklog.add(m.id());
            if (m.priority() == Priority.EMERGENCY) {
              int at = ByteBuffer.wrap(m.payload()).getInt();
              handedMicros.set(at, wallMicros() - m.sentAtMicros());
              emergencyDelivered.incrementAndGet();
            }
          });
      // Where an Emergency's time goes: the send call (reserve + offer, answered once the message
      // is in the inbox's queue) against send-to-hand-over; and the JVM's pauses over the stream
      // (members, client and bench share this JVM, so one pause stops every stage at once).
      long[] sendNanos = new long[emergencies];
      long gcCount;
      long gcMaxMillis;
      try (GcPauses gc = new GcPauses()) {
        for (int i = 0; i < emergencies; i++) {
          long s0 = System.nanoTime();
          sender.send(
              "bench-backlog",
              MessageType.EMERGENCY_ALERT,
              Priority.EMERGENCY,
              ByteBuffer.allocate(PAYLOAD).putInt(i).array());
          sendNanos[i] = System.nanoTime() - s0;
          TimeUnit.MILLISECONDS.sleep(5);
        }
        waitFor(() -> emergencyDelivered.get() >= emergencies);
        gcCount = gc.count();
        gcMaxMillis = gc.longestMillis();
      }
      int lowLeft = backlogged.queued();
      String worst = worst(handedMicros, sendNanos, 3);
      Arrays.sort(sendNanos);
      double sendP99Millis = LoadRun.percentile(sendNanos, 0.99);
      MessagingStats.Latency emergency = backlogged.stats().latency().get(Priority.EMERGENCY);
      System.err.printf(
          "emergency: %d under backlog (Low still queued when the stream ended: %d): p50 %.2f ms, p99 %.2f ms;"
              + " send call p99 %.2f ms; %d GC pauses over the stream, longest %d ms; slowest %s%n",
          emergencies,
          lowLeft,
          emergency.p50Millis(),
          emergency.p99Millis(),
          sendP99Millis,
          gcCount,
          gcMaxMillis,
          worst);
      waitFor(() -> backlogged.queued() == 0 && handedBacklog.size() >= backlog + emergencies);

      long sent = sender.stats().sent();
      long lost = sent - handed.size() - handedBacklog.size();
      backlogged.close();
      sender.close();
      return String.format(
          "BENCH messaging members=%s ops_per_s=%.0f baseline_ops_per_s=%.0f ratio=%.2f p50_ms=%.2f p99_ms=%.2f "
              + "emergency_p50_ms=%.2f emergency_p99_ms=%.2f emergency_send_p99_ms=%.2f emergency_gc_pauses=%d emergency_gc_max_ms=%d emergency_slowest=%s backlog_low=%d low_left_after_stream=%d lost=%d messages=%d senders=%d payload_bytes=%d",
          target != null ? target.members() + "-processes" : "3-in-process",
          opsPerSecond,
          baseline,
          opsPerSecond / baseline,
          normal.p50Millis(),
          normal.p99Millis(),
          emergency.p50Millis(),
          emergency.p99Millis(),
          sendP99Millis,
          gcCount,
          gcMaxMillis,
          worst,
          backlog,
          lowLeft,
          lost,
          throughputMessages,
          SENDERS,
          PAYLOAD);
    }
  }

  private static void sendConcurrently(Mailbox sender, int count, Priority priority, byte[] payload)
      throws InterruptedException {
    sendConcurrently(sender, count, priority, payload, "bench-receiver");
  }

  private static void sendConcurrently(
      Mailbox sender, int count, Priority priority, byte[] payload, String to)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < SENDERS; t++) {
      int share = count / SENDERS + (t < count % SENDERS ? 1 : 0);
      Thread th =
          SwarmThreads.factory("bench-sender-" + t)
              .newThread(
                  () -> {
                    for (int i = 0; i < share; i++) {
                      sender.send(to, MessageType.STATE_SYNC, priority, payload);
                    }
                  });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
  }

  private static void rawRun(IQueue<Message> raw, int count, Message template)
      throws InterruptedException {
    Thread poller =
        SwarmThreads.factory("bench-raw-poller")
            .newThread(
                () -> {
                  int got = 0;
                  while (got < count) {
                    try {
                      if (raw.poll(100, TimeUnit.MILLISECONDS) != null) {
                        got++;
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                });
    poller.start();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < SENDERS; t++) {
      int share = count / SENDERS + (t < count % SENDERS ? 1 : 0);
      Thread th =
          SwarmThreads.factory("bench-sender-" + t)
              .newThread(
                  () -> {
                    for (int i = 0; i < share; i++) {
                      raw.offer(
                          new Message(
                              UUID.randomUUID().toString(),
                              template.sender(),
                              template.recipient(),
                              template.type(),
                              template.priority(),
                              i,
                              System.nanoTime() / 1000,
                              0,
                              "",
                              template.payload()));
                    }
                  });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    poller.join();
  }

  /**
   * The {@code n} slowest hand-overs as {@code #place:ms(send call ms)}, joined by commas: where
   * they are in the stream and whether the send call (the leg up to the inbox) holds the time.
   */
  private static String worst(AtomicLongArray handedMicros, long[] sendNanos, int n) {
    Integer[] order = new Integer[handedMicros.length()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(handedMicros.get(b), handedMicros.get(a)));
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < Math.min(n, order.length); k++) {
      int i = order[k];
      out.append(k == 0 ? "" : ",")
          .append(
              String.format("#%d:%.1f(%.1f)", i, handedMicros.get(i) / 1e3, sendNanos[i] / 1e6));
    }
    return out.toString();
  }

  /** Wall-clock microseconds, as a message's {@code sentAtMicros} is stamped. */
  private static long wallMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("benchmark condition not reached within 5 minutes");
      }
      TimeUnit.MILLISECONDS.sleep(2);
    }
  }
}
