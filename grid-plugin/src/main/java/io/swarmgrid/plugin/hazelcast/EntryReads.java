package io.swarmgrid.plugin.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.map.impl.MapContainer;
import com.hazelcast.map.impl.MapService;
import com.hazelcast.map.impl.MapServiceContext;
import com.hazelcast.map.impl.SimpleEntryView;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationexecutor.OperationHostileThread;
import io.swarmgrid.storage.runtime.CallerRuns;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The asynchronous {@code IMap.getEntryView} Hazelcast 5.4 keeps internal: the same operation on
 * the key's partition, with its invocation future handed back instead of waited on, so a reader
 * holds no thread per read. Region replication stamps each change with the entry's update time and
 * value hash; the blocking read held a Jet thread per change and capped a link below 10k changes/s.
 */
public final class EntryReads {
  /** An entry as read: its value, the hash of its serialized form, its last update time. */
  public record Current(Object value, long hash, long lastUpdateTime) {}

  private final NodeEngine nodeEngine;
  private final MapServiceContext maps;

  private EntryReads(NodeEngine nodeEngine) {
    this.nodeEngine = nodeEngine;
    MapService service = nodeEngine.getService(MapService.SERVICE_NAME);
    this.maps = service.getMapServiceContext();
  }

  /**
   * The reads of member {@code hz}.
   *
   * @throws IllegalStateException for a client or another implementation
   */
  public static EntryReads of(HazelcastInstance hz) {
    HazelcastInstanceImpl impl = null;
    if (hz instanceof HazelcastInstanceProxy proxy) {
      impl = proxy.getOriginal();
    } else if (hz instanceof HazelcastInstanceImpl i) {
      impl = i;
    }
    if (impl == null) {
      throw new IllegalStateException(
          "entry reads run on Hazelcast members; got " + hz.getClass().getName());
    }
    return new EntryReads(impl.node.getNodeEngine());
  }

  /** The current entry of {@code key} in map {@code mapName}; completes with null if absent. */
  public CompletableFuture<Current> read(String mapName, Object key) {
    MapContainer container = maps.getMapContainer(mapName);
    Data dataKey = maps.toData(key, container.getPartitioningStrategy());
    int partition = nodeEngine.getPartitionService().getPartitionId(dataKey);
    CompletableFuture<SimpleEntryView<Data, Data>> view =
        nodeEngine
            .getOperationService()
            .invokeOnPartition(
                MapService.SERVICE_NAME,
                maps.getMapOperationProvider(mapName).createGetEntryViewOperation(mapName, dataKey),
                partition);
    return view.thenApplyAsync(
        v -> {
          if (v == null) {
            return null;
          }
          Data value = maps.toData(v.getValue());
          return new Current(
              nodeEngine.toObject(value), ValueHash.ofData(value), v.getLastUpdateTime());
        },
        CallerRuns.EXECUTOR);
  }

  /**
   * Runs a continuation on the thread that completed the future unless that thread may not start
   * invocations (a member's response and I/O threads), in which case {@code fallback} runs it. A
   * local read completes on the key's partition thread, which may invoke.
   */
  public static Executor invoking(Executor fallback) {
    return task -> {
      if (Thread.currentThread() instanceof OperationHostileThread) {
        fallback.execute(task);
      } else {
        task.run();
      }
    };
  }
}
