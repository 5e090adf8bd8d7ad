package io.swarmgrid.client.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.swarmgrid.client.diffusion.DiffusionClient;
import io.swarmgrid.client.diffusion.DiffusionProgress;
import io.swarmgrid.client.diffusion.DiffusionRequest;
import io.swarmgrid.client.diffusion.Topology;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.Manifest;
import io.swarmgrid.tasks.diffusion.DiffusionTask;
import io.swarmgrid.tasks.diffusion.DiffusionTaskState;
import io.swarmgrid.tasks.diffusion.Injector;
import io.swarmgrid.tasks.diffusion.TopologyNode;
import io.swarmgrid.tasks.diffusion.Visit;
import io.swarmgrid.tasks.workload.Workload;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** {@link DiffusionClient} over a Hazelcast client. */
final class HazelcastDiffusionClient implements DiffusionClient {
  private final Injector injector;
  private final IMap<String, DiffusionTask> tasks;
  private final IMap<String, Visit> visits;
  private final IMap<String, TopologyNode> topology;

  HazelcastDiffusionClient(HazelcastInstance client) {
    this.injector = new Injector(client);
    this.tasks = client.getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    this.visits = client.getMap(SwarmMap.DIFFUSION_VISITS.mapName());
    this.topology = client.getMap(SwarmMap.DIFFUSION_TOPOLOGY.mapName());
  }

  @Override
  public String inject(DiffusionRequest r) {
    if (r == null) {
      throw new IllegalArgumentException("request: 'null' is required");
    }
    int inputs =
        (r.text() != null ? 1 : 0) + (r.file() != null ? 1 : 0) + (r.contentHash() != null ? 1 : 0);
    if (inputs != 1) {
      throw new IllegalArgumentException(
          "input: " + inputs + " inputs given; give exactly one of text, file, content hash");
    }
    Workload<?> workload = Injector.workload(r.workload());
    injector.checkEnergy(r.energy());
    TopologyNode origin = injector.origin(r.at());
    Manifest manifest;
    if (r.file() != null) {
      checkReadable(r.file());
      manifest = store(workload, r.file());
    } else if (r.text() != null) {
      manifest = injector.storeText(workload, r.text());
    } else {
      manifest = injector.manifestOf(r.contentHash());
    }
    return injector.inject(workload.name(), manifest, r.energy(), origin);
  }

  @Override
  public String spread(String contentHash, double energy) {
    injector.checkEnergy(energy);
    return injector.spread(contentHash, energy, injector.origin(""));
  }

  @Override
  public DiffusionProgress progress(String taskId) {
    DiffusionTask t = task(taskId);
    Collection<Visit> reached = visits.values(Predicates.like("__key", taskId + "|%"));
    double lowest = reached.stream().mapToDouble(Visit::energy).min().orElse(0);
    long end = t.finishedAt() > 0 ? t.finishedAt() : System.currentTimeMillis();
    return new DiffusionProgress(
        t.taskId(),
        t.workload(),
        t.state(),
        t.energy(),
        lowest,
        reached.size(),
        t.chunksAgreed(),
        t.chunks().size(),
        t.reinjections(),
        t.originNode(),
        t.finishedBy(),
        end - t.createdAt());
  }

  @Override
  public <R extends Serializable> R result(String taskId, Class<R> type, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = 5;
    while (true) {
      DiffusionTask t = task(taskId);
      if (t.state() == DiffusionTaskState.EXPIRED) {
        throw new IllegalStateException(
            "task "
                + taskId
                + " expired with "
                + t.chunksAgreed()
                + "/"
                + t.chunks().size()
                + " chunks agreed");
      }
      if (t.state() == DiffusionTaskState.DONE) {
        if (!type.isInstance(t.result())) {
          throw new IllegalArgumentException(
              "type: '"
                  + type.getName()
                  + "' is not the type of the result of "
                  + taskId
                  + " ("
                  + (t.result() == null ? "no result" : t.result().getClass().getName())
                  + ")");
        }
        return type.cast(t.result());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "task " + taskId + " did not finish within " + timeout + ": " + progress(taskId));
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for task " + taskId, e);
      }
      pause = Math.min(100, pause * 2);
    }
  }

  @Override
  public Topology topology() {
    List<TopologyNode> nodes = new ArrayList<>(topology.values());
    nodes.sort(Comparator.comparing(TopologyNode::nodeId));
    List<Topology.Edge> edges = new ArrayList<>();
    for (TopologyNode n : nodes) {
      for (TopologyNode.Link l : n.neighbours()) {
        edges.add(new Topology.Edge(n.nodeId(), l.nodeId(), l.latencyMicros(), l.longLink()));
      }
    }
    return new Topology(nodes, edges);
  }

  @Override
  public String putContent(byte[] bytes) {
    return injector.content().put(bytes);
  }

  @Override
  public byte[] getContent(String hash) {
    return injector.content().get(hash);
  }

  @Override
  public Manifest putInput(String workload, Path file) {
    Workload<?> w = Injector.workload(workload);
    checkReadable(file);
    return store(w, file);
  }

  private Manifest store(Workload<?> workload, Path file) {
    try {
      injector.checkInputBytes("file", Files.size(file));
    } catch (IOException e) {
      throw Injector.unreadable("file", file, e);
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return injector.store(workload, in);
    } catch (IOException e) {
      throw Injector.unreadable("file", file, e);
    }
  }

  private static void checkReadable(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(
          "file: '" + file + "' does not exist or is not a readable file");
    }
  }

  private DiffusionTask task(String taskId) {
    DiffusionTask t = taskId == null ? null : tasks.get(taskId);
    if (t == null) {
      throw new IllegalArgumentException(
          "taskId: '" + taskId + "' is not a diffusion task (never injected, or expired)");
    }
    return t;
  }
}
