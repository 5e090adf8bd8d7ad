package io.swarmgrid.storage.messaging;

import com.hazelcast.config.Config;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.QueueConfig;
import io.swarmgrid.config.MessagingConfig;
import io.swarmgrid.config.StorageConfig;
import io.swarmgrid.storage.internal.InboxUnionMergePolicy;
import io.swarmgrid.storage.internal.MessageOrder;

/**
 * The grid side of messaging: each node's inbox is one Hazelcast priority {@code IQueue} named
 * {@code swarm.inbox.<node id>}, ordered Emergency &gt; High &gt; Normal &gt; Low and FIFO within a
 * priority, with {@code storage.backup-count} synchronous backups and at most {@code
 * messaging.max-queued-per-recipient} messages, merged after a split brain by keeping both sides'
 * messages ({@link InboxUnionMergePolicy}). See docs/DECISIONS.md for why one priority queue per
 * recipient rather than one queue per priority or a map.
 */
public final class Mailboxes {
  /** Prefix of the inbox queue names. */
  public static final String INBOX_PREFIX = "swarm.inbox.";

  private Mailboxes() {}

  /** The inbox queue name of {@code nodeId}. */
  public static String inboxName(String nodeId) {
    return INBOX_PREFIX + nodeId;
  }

  /** The queue config that covers every inbox. */
  public static QueueConfig inboxConfig(StorageConfig storage, MessagingConfig messaging) {
    return new QueueConfig(INBOX_PREFIX + "*")
        .setBackupCount(storage.backupCount())
        .setMaxSize(messaging.maxQueuedPerRecipient())
        .setPriorityComparatorClassName(MessageOrder.class.getName())
        // After a split brain both sides' messages are kept (the default kept one side's).
        .setMergePolicyConfig(
            new MergePolicyConfig(
                InboxUnionMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE))
        .setStatisticsEnabled(true);
  }

  /**
   * Adds the inbox queue config to a member config. On a running member call it before an inbox is
   * first used; an identical config already present is accepted again.
   */
  public static void addTo(Config config, StorageConfig storage, MessagingConfig messaging) {
    config.addQueueConfig(inboxConfig(storage, messaging));
  }
}
