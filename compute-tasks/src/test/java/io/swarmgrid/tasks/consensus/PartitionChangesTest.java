package io.swarmgrid.tasks.consensus;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.hazelcast.map.EntryProcessor;
import io.swarmgrid.storage.consensus.Decision;
import io.swarmgrid.storage.consensus.DecisionEnd;
import io.swarmgrid.storage.consensus.DecisionType;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A multi-key processor is one instance for every partition of the call, run partition after
 * partition on a partition thread, each followed by its backup request: each backup carries its own
 * partition's changes only.
 */
class PartitionChangesTest {
  private static Decision decision(String id) {
    return new Decision(
        id,
        DecisionType.TASK_ASSIGNMENT,
        0,
        "approve",
        DecisionEnd.QUORUM,
        new double[] {1.0, 0.0},
        1.0,
        List.of("v1"),
        0.9,
        List.of(),
        1L,
        2L,
        Double.NaN,
        Double.NaN,
        "");
  }

  @Test
  void eachPartitionsBackup_carriesOnlyWhatThatPartitionWrote() {
    Decision a = decision("p-a");
    Decision b = decision("p-b");
    PublishDecision publish = new PublishDecision(Map.of("p-a", a, "p-b", b), 0);

    publish.process(new SimpleEntry<>("p-a", null));
    EntryProcessor<String, Decision, Decision> first = publish.getBackupProcessor();
    // Hazelcast asks twice per partition (whether to back up, then for the operation).
    assertSame(first, publish.getBackupProcessor());
    publish.process(new SimpleEntry<>("p-b", null));
    EntryProcessor<String, Decision, Decision> second = publish.getBackupProcessor();

    SimpleEntry<String, Decision> backupOfA = new SimpleEntry<>("p-a", null);
    second.process(backupOfA);
    // Before, the second partition's backup also carried (and wrote) the first one's decision.
    assertNull(backupOfA.getValue());
    SimpleEntry<String, Decision> backupOfB = new SimpleEntry<>("p-b", null);
    second.process(backupOfB);
    assertSame(b, backupOfB.getValue());
    SimpleEntry<String, Decision> firstOnA = new SimpleEntry<>("p-a", null);
    first.process(firstOnA);
    assertSame(a, firstOnA.getValue());
  }

  @Test
  void aProcessorRunInlineInsideAnother_leavesTheOuterOnesBackup() {
    // PublishDecision marks the tally from inside its own run (same partition, same thread):
    // without putting its run back, its publication got no backup.
    Decision a = decision("p-a");
    Decision b = decision("p-b");
    PublishDecision outer = new PublishDecision(Map.of("p-a", a), 0);
    PublishDecision inner = new PublishDecision(Map.of("p-b", b), 0);

    outer.process(new SimpleEntry<>("p-a", null));
    Object outerRun = PartitionChanges.current();
    inner.process(new SimpleEntry<>("p-b", null));
    assertNotNull(inner.getBackupProcessor());
    PartitionChanges.restore(outerRun);

    EntryProcessor<String, Decision, Decision> backup = outer.getBackupProcessor();
    assertNotNull(backup);
    SimpleEntry<String, Decision> backupOfA = new SimpleEntry<>("p-a", null);
    backup.process(backupOfA);
    assertSame(a, backupOfA.getValue());
  }

  @Test
  void aPartitionThatWroteNothing_getsNoBackup() {
    Decision a = decision("p-a");
    PublishDecision publish = new PublishDecision(Map.of("p-a", a), 0);
    publish.process(new SimpleEntry<>("p-a", null));
    assertNotNull(publish.getBackupProcessor());
    // Already published: nothing written on this partition.
    publish.process(new SimpleEntry<>("p-a", a));
    assertNull(publish.getBackupProcessor());
  }

  @Test
  void twoCallsInterleavedOnOneThread_eachBackupHasItsOwnPartitionOnly() {
    Decision a = decision("p-a");
    Decision b = decision("p-b");
    Decision c = decision("p-c");
    PublishDecision first = new PublishDecision(Map.of("p-a", a, "p-b", b), 0);
    PublishDecision other = new PublishDecision(Map.of("p-c", c), 0);

    first.process(new SimpleEntry<>("p-a", null));
    assertNotNull(first.getBackupProcessor());
    other.process(new SimpleEntry<>("p-c", null));
    EntryProcessor<String, Decision, Decision> otherBackup = other.getBackupProcessor();
    first.process(new SimpleEntry<>("p-b", null));
    EntryProcessor<String, Decision, Decision> firstSecond = first.getBackupProcessor();

    SimpleEntry<String, Decision> onA = new SimpleEntry<>("p-a", null);
    firstSecond.process(onA);
    assertNull(onA.getValue());
    SimpleEntry<String, Decision> onB = new SimpleEntry<>("p-b", null);
    firstSecond.process(onB);
    assertSame(b, onB.getValue());
    SimpleEntry<String, Decision> onC = new SimpleEntry<>("p-c", null);
    otherBackup.process(onC);
    assertSame(c, onC.getValue());
  }
}
