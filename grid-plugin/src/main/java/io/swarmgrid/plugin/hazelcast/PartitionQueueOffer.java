package io.swarmgrid.plugin.hazelcast;

import com.hazelcast.collection.impl.queue.QueueService;
import com.hazelcast.collection.impl.queue.operations.OfferOperation;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.partition.strategy.StringPartitioningStrategy;
import com.hazelcast.spi.impl.NodeEngine;
import io.swarmgrid.storage.messaging.AsyncQueueOffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous queue offer Hazelcast 5.4 keeps internal: the same operation {@code
 * IQueue.offer} invokes on the queue's partition (backups, item events, the queue's bound), with
 * its invocation future handed back instead of waited on, so a sender holds no thread per offer.
 */
public final class PartitionQueueOffer implements AsyncQueueOffer {
  private final NodeEngine nodeEngine;

  private PartitionQueueOffer(NodeEngine nodeEngine) {
    this.nodeEngine = nodeEngine;
  }

  /** The offer of member {@code hz}; empty for a client or another implementation. */
  public static Optional<AsyncQueueOffer> of(HazelcastInstance hz) {
    HazelcastInstanceImpl impl = null;
    if (hz instanceof HazelcastInstanceProxy proxy) {
      impl = proxy.getOriginal();
    } else if (hz instanceof HazelcastInstanceImpl i) {
      impl = i;
    }
    return Optional.ofNullable(impl).map(i -> new PartitionQueueOffer(i.node.getNodeEngine()));
  }

  @Override
  public CompletableFuture<Boolean> offer(String queueName, Object item) {
    Objects.requireNonNull(item, "item");
    int partition =
        nodeEngine
            .getPartitionService()
            .getPartitionId(StringPartitioningStrategy.getPartitionKey(queueName));
    return nodeEngine
        .getOperationService()
        .invokeOnPartition(
            QueueService.SERVICE_NAME,
            new OfferOperation(queueName, 0, nodeEngine.toData(item)),
            partition);
  }
}
