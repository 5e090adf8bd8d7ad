package io.swarmgrid.plugin.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.region.ReplicationStamp;
import org.junit.jupiter.api.Test;

/**
 * A shipment's write time as the lag timers count it: Hazelcast keeps update times in whole
 * seconds, so the stamp's time alone read up to a second early.
 */
class ShipmentTest {
  private static final long SECOND = 1_764_565_200_000L;

  private static Shipment read(long readAt) {
    return new Shipment("k", "v", new ReplicationStamp("eu", SECOND, 1, 7, false), readAt, readAt);
  }

  @Test
  void readWithinTheSecondOfTheWrite_countsFromTheRead() {
    assertThat(read(SECOND + 420).writtenAt()).isEqualTo(SECOND + 420);
  }

  @Test
  void readSecondsBehind_countsFromTheEndOfTheWritesSecond() {
    assertThat(read(SECOND + 5_000).writtenAt()).isEqualTo(SECOND + 999);
  }

  @Test
  void stampLaterThanTheRead_countsFromTheStamp() {
    // A hybrid clock raised past a stamp from another region can be ahead of the read.
    assertThat(read(SECOND - 30).writtenAt()).isEqualTo(SECOND);
  }

  @Test
  void notReadFromTheJournal_countsFromTheStamp() {
    assertThat(read(0).writtenAt()).isEqualTo(SECOND);
  }
}
