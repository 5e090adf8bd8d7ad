package io.swarmgrid.plugin.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricBandTest {

  @Test
  void noisySteadySeries_neverLeavesItsBand() {
    MetricBand band = new MetricBand(20, 4.0, 3);
    Random r = new Random(7);
    int starts = 0;
    for (int i = 0; i < 100_000; i++) {
      if (band.add(200 + 30 * r.nextGaussian()).starts()) {
        starts++;
      }
    }
    assertThat(starts).isZero();
  }

  @Test
  void sawtoothLikeAHeap_neverLeavesItsBand() {
    MetricBand band = new MetricBand(20, 4.0, 3);
    int starts = 0;
    for (int i = 0; i < 10_000; i++) {
      if (band.add(100 + (i % 13) * 10).starts()) {
        starts++;
      }
    }
    assertThat(starts).isZero();
  }

  @Test
  void emptyBacklog_thenOneMessage_isInsideTheFloor() {
    MetricBand band = new MetricBand(5, 4.0, 1);
    for (int i = 0; i < 10; i++) {
      band.add(0);
    }
    assertThat(band.add(1).above()).isFalse();
    assertThat(band.add(3).above()).isFalse();
  }

  @Test
  void lastingBacklog_startsOneAnomalyAfterPersistence_thenLearnsTheNewLevel() {
    MetricBand band = new MetricBand(10, 4.0, 3);
    for (int i = 0; i < 10; i++) {
      band.add(i % 2);
    }
    assertThat(band.trusted()).isTrue();

    MetricBand.Check first = band.add(300);
    MetricBand.Check second = band.add(300);
    MetricBand.Check third = band.add(300);

    assertThat(first.above()).isTrue();
    assertThat(first.starts()).isFalse();
    assertThat(second.starts()).isFalse();
    assertThat(third.starts()).isTrue();
    assertThat(third.upper()).isLessThan(10);
    int laterStarts = 0;
    for (int i = 0; i < 100; i++) {
      if (band.add(300).starts()) {
        laterStarts++;
      }
    }
    assertThat(laterStarts).isZero();
  }

  @Test
  void spikeShorterThanPersistence_isNoAnomaly_andDoesNotTeachTheBand() {
    MetricBand band = new MetricBand(10, 4.0, 3);
    for (int i = 0; i < 10; i++) {
      band.add(5);
    }
    assertThat(band.add(500).starts()).isFalse();
    assertThat(band.add(500).starts()).isFalse();
    MetricBand.Check back = band.add(5);
    assertThat(back.above()).isFalse();
    assertThat(back.mean()).isEqualTo(5.0);
    assertThat(band.add(500).starts()).isFalse();
  }

  @Test
  void secondEpisode_afterReturningInsideTheBand_startsAgain() {
    MetricBand band = new MetricBand(5, 4.0, 2);
    for (int i = 0; i < 5; i++) {
      band.add(0);
    }
    band.add(100);
    assertThat(band.add(100).starts()).isTrue();
    band.add(0);
    band.add(100);
    assertThat(band.add(100).starts()).isTrue();
  }

  @Test
  void beforeWarmup_nothingIsAbove() {
    MetricBand band = new MetricBand(10, 4.0, 1);
    band.add(0);
    assertThat(band.add(1_000_000).above()).isFalse();
    assertThat(band.trusted()).isFalse();
  }
}
