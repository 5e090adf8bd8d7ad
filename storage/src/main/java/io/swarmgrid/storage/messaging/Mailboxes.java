package io.swarmgrid.storage.messaging;

import com.hazelcast.config.Config;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.QueueConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.internal.InboxUnionMergePolicy;
import io.swarmgrid.storage.internal.MessageOrder;
import java.util.Locale;

/**
 * The grid side of messaging: each node's inbox is four plain FIFO {@code IQueue}s, one per {@link
 * Priority}, named {@code swarm.inboxes.<priority>.<node id>@<node id>} so that all four sit on the
 * node's partition. The receiver drains them Emergency → Low with {@code drainTo(≤ N)} (a plain
 * queue's {@code drainTo} is exact; a comparator queue's is not in Hazelcast 5.4, see
 * docs/DECISIONS.md). Each queue has {@code storage.backup-count} synchronous backups and at most
 * {@code messaging.max-queued-per-recipient} messages (so a Low backlog never refuses an
 * Emergency), and is merged after a split brain by keeping both sides' messages ({@link
 * InboxUnionMergePolicy}).
 *
 * <p>The layout before issue 15, one priority queue {@code swarm.inbox.<node id>} ordered by {@link
 * MessageOrder}, is still configured and drained by the receiver, so that messages queued there by
 * a member of the older version are delivered, not lost.
 */
public final class Mailboxes {
  /** Prefix of the per-priority inbox queue names. */
  public static final String INBOX_PREFIX = "swarm.inboxes.";

  /** Prefix of the single priority queue of the older layout. */
  public static final String LEGACY_INBOX_PREFIX = "swarm.inbox.";

  private Mailboxes() {}

  /** The queue of {@code nodeId}'s inbox that holds messages of {@code priority}. */
  public static String inboxName(String nodeId, Priority priority) {
    return INBOX_PREFIX + priority.name().toLowerCase(Locale.ROOT) + "." + nodeId + "@" + nodeId;
  }

  /** The partition key shared by a node's inbox queues. */
  public static String inboxPartitionKey(String nodeId) {
    return nodeId;
  }

  /** The older layout's single priority queue of {@code nodeId}: drained, never offered to. */
  public static String legacyInboxName(String nodeId) {
    return LEGACY_INBOX_PREFIX + nodeId;
  }

  /** The queue config that covers every per-priority inbox queue. */
  public static QueueConfig inboxConfig(StorageConfig storage, MessagingConfig messaging) {
    return withCommon(new QueueConfig(INBOX_PREFIX + "*"), storage, messaging);
  }

  /** The older layout's queue config, kept so its queues still order and bound as they did. */
  public static QueueConfig legacyInboxConfig(StorageConfig storage, MessagingConfig messaging) {
    return withCommon(new QueueConfig(LEGACY_INBOX_PREFIX + "*"), storage, messaging)
        .setPriorityComparatorClassName(MessageOrder.class.getName());
  }

  private static QueueConfig withCommon(
      QueueConfig config, StorageConfig storage, MessagingConfig messaging) {
    return config
        .setBackupCount(storage.backupCount())
        .setMaxSize(messaging.maxQueuedPerRecipient())
        // After a split brain both sides' messages are kept (the default kept one side's).
        .setMergePolicyConfig(
            new MergePolicyConfig(
                InboxUnionMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE))
        .setStatisticsEnabled(true);
  }

  /**
   * Adds the inbox queue configs to a member config. On a running member call it before an inbox is
   * first used; an identical config already present is accepted again.
   */
  public static void addTo(Config config, StorageConfig storage, MessagingConfig messaging) {
    config.addQueueConfig(inboxConfig(storage, messaging));
    config.addQueueConfig(legacyInboxConfig(storage, messaging));
  }
}
