package io.swarmgrid.tasks.diffusion;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.content.ContentStore;
import io.swarmgrid.storage.content.Manifest;
import io.swarmgrid.tasks.workload.Workload;
import io.swarmgrid.tasks.workload.Workloads;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Injects diffusion tasks into the grid, from a client or a member: checks the request, stores the
 * input as verified chunks with a manifest, writes the chunks' share entries and then the task, and
 * hands the task to its first node through that node's member inbox. Nothing of a task is written
 * before every check passed; a task is visible only once its shares are.
 *
 * <p>Over 300 lines on purpose: checking, storing and handing over a task are one ordered sequence
 * (nothing is written before every check passed, shares before the task), kept in one class so that
 * the order is read in one place.
 */
public final class Injector {
  /** Executor used for settings and latency calls. */
  public static final String EXECUTOR = "swarm.diffusion.exec";

  private final HazelcastInstance hz;
  private final IMap<String, DiffusionTask> tasks;
  private final IMap<String, ShareState> shares;
  private final IMap<String, TopologyNode> topology;
  private volatile DiffusionSettings settings;

  /** An injector over the cluster {@code hz} belongs to. */
  public Injector(HazelcastInstance hz) {
    this.hz = hz;
    this.tasks = hz.getMap(SwarmMap.DIFFUSION_TASKS.mapName());
    this.shares = hz.getMap(SwarmMap.DIFFUSION_SHARES.mapName());
    this.topology = hz.getMap(SwarmMap.DIFFUSION_TOPOLOGY.mapName());
  }

  /** An injector that uses {@code settings} instead of asking a member. */
  public Injector(HazelcastInstance hz, DiffusionSettings settings) {
    this(hz);
    this.settings = settings;
  }

  /**
   * The diffusion settings of the members, read from one that runs the engine.
   *
   * @throws IllegalStateException if no member runs the diffusion engine
   */
  public DiffusionSettings settings() {
    DiffusionSettings s = settings;
    if (s != null) {
      return s;
    }
    IExecutorService exec = hz.getExecutorService(EXECUTOR);
    for (Member m : hz.getCluster().getMembers()) {
      try {
        DiffusionSettings d = exec.submitToMember(new SettingsTask(), m).get(10, TimeUnit.SECONDS);
        if (d != null) {
          settings = d;
          return d;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the diffusion settings", e);
      } catch (ExecutionException | TimeoutException e) {
        // Try the next member.
      }
    }
    throw new IllegalStateException(
        "no member runs the diffusion engine (swarmgrid.engines.diffusion: true)");
  }

  /** The content store with the members' number of copies. */
  public ContentStore content() {
    return new ContentStore(hz, settings().contentCopies());
  }

  /** The workload called {@code name}; an unknown name is refused naming it. */
  public static Workload<?> workload(String name) {
    return Workloads.byName(name);
  }

  /**
   * Refuses an input of {@code bytes} over {@code diffusion.content-max-bytes-per-member}, naming
   * {@code field} and the size; call it before storing anything of an input whose size is known.
   */
  public void checkInputBytes(String field, long bytes) {
    long max = settings().maxInputBytes();
    if (bytes > max) {
      throw new IllegalArgumentException(
          field
              + ": "
              + bytes
              + " bytes is over diffusion.content-max-bytes-per-member="
              + max
              + " (what one member holds of content); nothing stored");
    }
  }

  /** Checks the size of {@code text}, then chunks and stores it as {@link #store} does. */
  public Manifest storeText(Workload<?> workload, String text) {
    checkInputBytes("text", text.getBytes(StandardCharsets.UTF_8).length);
    try (Reader in = new StringReader(text)) {
      return store(workload, in);
    } catch (IOException e) {
      throw unreadable("text", "(text)", e);
    }
  }

  /**
   * Chunks {@code in} for {@code workload} at record boundaries and stores the chunks and their
   * manifest. An input that turns out larger than {@code diffusion.content-max-bytes-per-member} is
   * refused once it passes it; the chunks stored until then are referenced by no task and are
   * collected (check the size first with {@link #checkInputBytes} when it is known).
   */
  public Manifest store(Workload<?> workload, Reader in) throws IOException {
    ContentStore content = content();
    List<String> hashes = new ArrayList<>();
    long[] bytes = {0};
    Chunker.chunk(
        workload,
        in,
        settings().chunkBytes(),
        text -> {
          byte[] b = text.getBytes(StandardCharsets.UTF_8);
          bytes[0] += b.length;
          checkInputBytes("input", bytes[0]);
          hashes.add(content.put(b));
        });
    return content.putManifest(hashes, bytes[0]);
  }

  /**
   * The manifest under {@code hash}, or, if {@code hash} names plain content, a manifest of that
   * one chunk. The content is read and verified.
   */
  public Manifest manifestOf(String hash) {
    ContentStore content = content();
    byte[] bytes = content.get(hash);
    return ContentStore.parseManifest(hash, bytes)
        .orElseGet(() -> content.putManifest(List.of(hash), bytes.length));
  }

  /** Checks {@code energy} against the members' range; the error names the field and value. */
  public void checkEnergy(double energy) {
    DiffusionSettings s = settings();
    if (!(energy >= s.threshold() && energy <= s.maxEnergy())) {
      throw new IllegalArgumentException(
          "energy: "
              + energy
              + " is out of range; allowed: from the stop threshold "
              + s.threshold()
              + " to max-energy "
              + s.maxEnergy());
    }
  }

  /**
   * The node a task starts at: {@code at} if it is a live diffusion node, a random one when {@code
   * at} is null or empty.
   */
  public TopologyNode origin(String at) {
    if (at != null && !at.isEmpty()) {
      TopologyNode n = topology.get(at);
      if (n == null) {
        throw new IllegalArgumentException(
            "at: '" + at + "' is not a diffusion node (" + topology.size() + " known)");
      }
      return n;
    }
    List<TopologyNode> all = new ArrayList<>(topology.values());
    if (all.isEmpty()) {
      throw new IllegalStateException(
          "no diffusion nodes: no member runs swarmgrid.engines.diffusion");
    }
    return all.get(ThreadLocalRandom.current().nextInt(all.size()));
  }

  /**
   * Injects a task running {@code workloadName} over the chunks of {@code manifest} at {@code
   * origin} with {@code energy}; returns its id.
   */
  public String inject(String workloadName, Manifest manifest, double energy, TopologyNode origin) {
    workload(workloadName);
    checkEnergy(energy);
    DiffusionSettings s = settings();
    checkRoom(s);
    String taskId = "dt-" + UUID.randomUUID();
    long now = System.currentTimeMillis();
    long ttl = (long) s.maxTaskAgeSeconds() + s.finishedTaskTtlSeconds();
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < manifest.chunks().size(); i++) {
      writes.add(
          shares
              .setAsync(
                  ShareState.key(taskId, i),
                  new ShareState(taskId, i, List.of(), List.of(), null),
                  ttl,
                  TimeUnit.SECONDS)
              .toCompletableFuture());
    }
    try {
      for (Future<Void> w : writes) {
        w.get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      removeShares(taskId, manifest.chunks().size());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "could not write the shares of a new task; nothing was injected", e);
    }
    DiffusionTask task =
        new DiffusionTask(
            taskId,
            workloadName,
            manifest.hash(),
            manifest.chunks(),
            energy,
            origin.nodeId(),
            s.redundancy(),
            s.quorum(),
            s.decay(),
            s.threshold(),
            now,
            DiffusionTaskState.RUNNING,
            new BitSet(),
            now,
            0,
            null,
            0,
            "");
    tasks.set(taskId, task, ttl, TimeUnit.SECONDS);
    send(
        origin,
        new Hop(taskId, origin.nodeId(), energy, "", false),
        taskId,
        manifest.chunks().size());
    return taskId;
  }

  /**
   * Spreads information (the content under {@code contentHash}) from {@code origin} with {@code
   * energy}: it reaches nodes the way a task does, and nothing is processed. Returns the id.
   */
  public String spread(String contentHash, double energy, TopologyNode origin) {
    checkEnergy(energy);
    ContentStore content = content();
    if (!content.contains(contentHash)) {
      throw new IllegalArgumentException(
          "content hash: '" + contentHash + "' is not in swarm.content");
    }
    DiffusionSettings s = settings();
    checkRoom(s);
    String taskId = "di-" + UUID.randomUUID();
    long now = System.currentTimeMillis();
    DiffusionTask task =
        new DiffusionTask(
            taskId,
            "",
            contentHash,
            List.of(),
            energy,
            origin.nodeId(),
            0,
            0,
            s.decay(),
            s.threshold(),
            now,
            DiffusionTaskState.DONE,
            new BitSet(),
            now,
            0,
            null,
            now,
            origin.nodeId());
    tasks.set(
        taskId, task, (long) s.maxTaskAgeSeconds() + s.finishedTaskTtlSeconds(), TimeUnit.SECONDS);
    send(origin, new Hop(taskId, origin.nodeId(), energy, "", false), taskId, 0);
    return taskId;
  }

  /** Hands a hop to the member inbox of {@code to}'s host; returns whether the inbox took it. */
  public boolean offer(TopologyNode to, Hop hop) {
    return hz.<Hop>getQueue(Hop.inbox(to.hostNodeId())).offer(hop);
  }

  private void send(TopologyNode origin, Hop hop, String taskId, int chunks) {
    if (!offer(origin, hop)) {
      tasks.delete(taskId);
      removeShares(taskId, chunks);
      throw new IllegalStateException(
          "the inbox of member node " + origin.hostNodeId() + " is full; nothing was injected");
    }
  }

  private void checkRoom(DiffusionSettings s) {
    int size = tasks.size();
    if (size >= s.maxTasks()) {
      throw new IllegalStateException(
          "diffusion.max-tasks: "
              + size
              + " tasks are held, the limit is "
              + s.maxTasks()
              + "; wait for finished tasks to expire");
    }
  }

  private void removeShares(String taskId, int chunks) {
    for (int i = 0; i < chunks; i++) {
      shares.delete(ShareState.key(taskId, i));
    }
  }

  /** Every diffusion node by id. */
  public Map<String, TopologyNode> nodes() {
    return Map.copyOf(topology);
  }

  /** An {@link UncheckedIOException} for an input that could not be read, naming the field. */
  public static UncheckedIOException unreadable(String field, Object value, IOException e) {
    return new UncheckedIOException(
        field + ": '" + value + "' cannot be read: " + e.getMessage(), e);
  }
}
