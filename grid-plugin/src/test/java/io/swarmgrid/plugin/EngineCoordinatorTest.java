package io.swarmgrid.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.config.EngineKind;
import io.swarmgrid.plugin.engine.EngineCoordinator;
import io.swarmgrid.plugin.engine.SwarmEngine;
import io.swarmgrid.plugin.engine.SwarmEngineFactory;
import io.swarmgrid.plugin.engine.SwarmNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineCoordinatorTest {
  private final List<String> journal = new ArrayList<>();

  private SwarmEngineFactory factory(EngineKind kind, boolean failOnStart) {
    return new SwarmEngineFactory() {
      @Override
      public EngineKind kind() {
        return kind;
      }

      @Override
      public SwarmEngine create() {
        return new SwarmEngine() {
          @Override
          public EngineKind kind() {
            return kind;
          }

          @Override
          public void start(SwarmNode node) {
            if (failOnStart) {
              throw new IllegalStateException("no luck");
            }
            journal.add("start " + kind.key());
          }

          @Override
          public void stop() {
            journal.add("stop " + kind.key());
          }
        };
      }
    };
  }

  @Test
  void start_runsWantedAndAvailable_reportsUnavailable_stopsInReverse() {
    var coordinator =
        new EngineCoordinator(
            List.of(factory(EngineKind.MESSAGING, false), factory(EngineKind.CONSENSUS, false)));
    coordinator.start(
        EnumSet.of(EngineKind.MESSAGING, EngineKind.CONSENSUS, EngineKind.REGION), null);
    assertThat(coordinator.running()).containsExactly(EngineKind.CONSENSUS, EngineKind.MESSAGING);
    assertThat(coordinator.unavailable()).containsExactly(EngineKind.REGION);
    coordinator.stop();
    assertThat(journal)
        .containsExactly("start consensus", "start messaging", "stop messaging", "stop consensus");
    assertThat(coordinator.running()).isEmpty();
  }

  @Test
  void start_failingEngine_stopsThoseAlreadyStarted() {
    var coordinator =
        new EngineCoordinator(
            List.of(factory(EngineKind.CONSENSUS, false), factory(EngineKind.FAULT, true)));
    assertThatThrownBy(
            () -> coordinator.start(EnumSet.of(EngineKind.CONSENSUS, EngineKind.FAULT), null))
        .hasMessageContaining("engine fault failed to start: no luck");
    assertThat(journal).containsExactly("start consensus", "stop consensus");
  }

  @Test
  void twoFactoriesForOneKind_areRefused() {
    assertThatThrownBy(
            () ->
                new EngineCoordinator(
                    List.of(factory(EngineKind.SWARM, false), factory(EngineKind.SWARM, false))))
        .hasMessageContaining("two factories for engine swarm");
  }

  @Test
  void defaultCoordinator_findsTheEnginesOnTheClassPath() {
    assertThat(new EngineCoordinator().available())
        .contains(
            EngineKind.CONSENSUS, EngineKind.FAULT, EngineKind.MESSAGING, EngineKind.DIFFUSION);
  }
}
