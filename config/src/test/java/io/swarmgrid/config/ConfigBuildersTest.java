package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code custom()}, {@code from(base)} and {@code ofDefaults()} of every config type. */
class ConfigBuildersTest {
  private static final int SAMPLES = 200;

  /** One config type: its random valid instances, its from(c).build(), its two default forms. */
  record Type<T extends Record>(
      String name,
      Function<Random, T> random,
      Function<T, T> copy,
      Supplier<T> built,
      Supplier<T> ofDefaults) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Type<?>> types() {
    return Stream.of(
        new Type<>(
            "storage",
            RandomConfigs::storage,
            c -> StorageConfig.from(c).build(),
            () -> StorageConfig.custom().build(),
            StorageConfig::ofDefaults),
        new Type<>(
            "consensus.learning",
            RandomConfigs::learning,
            c -> LearningConfig.from(c).build(),
            () -> LearningConfig.custom().build(),
            LearningConfig::ofDefaults),
        new Type<>(
            "consensus",
            RandomConfigs::consensus,
            c -> ConsensusConfig.from(c).build(),
            () -> ConsensusConfig.custom().build(),
            ConsensusConfig::ofDefaults),
        new Type<>(
            "fault.reputation",
            RandomConfigs::reputation,
            c -> ReputationRuleConfig.from(c).build(),
            () -> ReputationRuleConfig.custom().build(),
            ReputationRuleConfig::ofDefaults),
        new Type<>(
            "fault.breaker-defaults",
            RandomConfigs::breaker,
            c -> BreakerConfig.from(c).build(),
            () -> BreakerConfig.custom().build(),
            BreakerConfig::ofDefaults),
        new Type<>(
            "fault",
            RandomConfigs::fault,
            c -> FaultConfig.from(c).build(),
            () -> FaultConfig.custom().build(),
            FaultConfig::ofDefaults),
        new Type<>(
            "messaging",
            RandomConfigs::messaging,
            c -> MessagingConfig.from(c).build(),
            () -> MessagingConfig.custom().build(),
            MessagingConfig::ofDefaults),
        new Type<>(
            "balance",
            RandomConfigs::balance,
            c -> BalanceConfig.from(c).build(),
            () -> BalanceConfig.custom().build(),
            BalanceConfig::ofDefaults),
        new Type<>(
            "swarm",
            RandomConfigs::swarm,
            c -> SwarmConfig.from(c).build(),
            () -> SwarmConfig.custom().build(),
            SwarmConfig::ofDefaults),
        new Type<>(
            "propagation",
            RandomConfigs::propagation,
            c -> PropagationConfig.from(c).build(),
            () -> PropagationConfig.custom().build(),
            PropagationConfig::ofDefaults),
        new Type<>(
            "learning",
            RandomConfigs::training,
            c -> TrainingConfig.from(c).build(),
            () -> TrainingConfig.custom().build(),
            TrainingConfig::ofDefaults),
        new Type<>(
            "regions",
            RandomConfigs::regions,
            c -> RegionsConfig.from(c).build(),
            () -> RegionsConfig.custom().build(),
            RegionsConfig::ofDefaults),
        new Type<>(
            "monitoring",
            RandomConfigs::monitoring,
            c -> MonitoringConfig.from(c).build(),
            () -> MonitoringConfig.custom().build(),
            MonitoringConfig::ofDefaults),
        new Type<>(
            "diffusion",
            RandomConfigs::diffusion,
            c -> DiffusionConfig.from(c).build(),
            () -> DiffusionConfig.custom().build(),
            DiffusionConfig::ofDefaults),
        new Type<>(
            "http",
            RandomConfigs::http,
            c -> HttpConfig.from(c).build(),
            () -> HttpConfig.custom().build(),
            HttpConfig::ofDefaults),
        new Type<>(
            "node",
            RandomConfigs::node,
            c -> NodeConfig.from(c).build(),
            () -> NodeConfig.custom().build(),
            NodeConfig::ofDefaults),
        new Type<>(
            "engines",
            RandomConfigs::engines,
            c -> EnginesConfig.from(c).build(),
            () -> EnginesConfig.custom().build(),
            EnginesConfig::ofDefaults),
        new Type<>(
            "(all)",
            RandomConfigs::swarmGrid,
            c -> SwarmGridConfig.from(c).build(),
            () -> SwarmGridConfig.custom().build(),
            SwarmGridConfig::ofDefaults));
  }

  // java.util.Random's first draws are nearly the same for neighbouring seeds: spread them.
  private static Random random(long seed) {
    return new Random(new SplittableRandom(seed).nextLong());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  <T extends Record> void from_buildsAnEqualConfig_forRandomValidConfigs(Type<T> type) {
    for (int seed = 0; seed < SAMPLES; seed++) {
      T c = type.random().apply(random(seed));
      assertThat(type.copy().apply(c)).as("seed %d", seed).isEqualTo(c);
    }
  }

  // A setter that does not set its key, or from() not copying one, leaves that key at one value.
  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  <T extends Record> void everySetter_setsItsKey(Type<T> type) throws Exception {
    RecordComponent[] keys = type.random().apply(random(0)).getClass().getRecordComponents();
    for (RecordComponent key : keys) {
      Set<Object> seen = new HashSet<>();
      for (int seed = 0; seed < SAMPLES; seed++) {
        seen.add(key.getAccessor().invoke(type.random().apply(random(seed))));
      }
      assertThat(seen).as("values of %s.%s", type.name(), key.getName()).hasSizeGreaterThan(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  <T extends Record> void customWithNothingSet_isOfDefaults(Type<T> type) {
    assertThat(type.built().get()).isEqualTo(type.ofDefaults().get());
  }

  @Test
  void ofDefaults_isTheBundledYaml() {
    SwarmGridConfig bundled = SwarmGridConfigLoader.fromYaml(null);
    assertThat(bundled).isEqualTo(SwarmGridConfig.ofDefaults());
    assertThat(bundled.storage())
        .isEqualTo(StorageConfig.ofDefaults())
        .isEqualTo(StorageConfig.DEFAULTS);
    assertThat(bundled.consensus()).isEqualTo(ConsensusConfig.ofDefaults());
    assertThat(bundled.consensus().learning()).isEqualTo(LearningConfig.ofDefaults());
    assertThat(bundled.fault()).isEqualTo(FaultConfig.ofDefaults());
    assertThat(bundled.fault().reputation()).isEqualTo(ReputationRuleConfig.ofDefaults());
    assertThat(bundled.fault().breakerDefaults()).isEqualTo(BreakerConfig.ofDefaults());
    assertThat(bundled.messaging()).isEqualTo(MessagingConfig.ofDefaults());
    assertThat(bundled.balance()).isEqualTo(BalanceConfig.ofDefaults());
    assertThat(bundled.swarm()).isEqualTo(SwarmConfig.ofDefaults());
    assertThat(bundled.propagation()).isEqualTo(PropagationConfig.ofDefaults());
    assertThat(bundled.learning()).isEqualTo(TrainingConfig.ofDefaults());
    assertThat(bundled.regions()).isEqualTo(RegionsConfig.ofDefaults());
    assertThat(bundled.diffusion()).isEqualTo(DiffusionConfig.ofDefaults());
    assertThat(bundled.monitoring()).isEqualTo(MonitoringConfig.ofDefaults());
    assertThat(bundled.node()).isEqualTo(NodeConfig.ofDefaults());
    assertThat(bundled.http()).isEqualTo(HttpConfig.ofDefaults());
    assertThat(bundled.engines())
        .isEqualTo(EnginesConfig.ofDefaults())
        .isEqualTo(EnginesConfig.NONE);
  }

  @Test
  void from_changesOnlyWhatIsSet() {
    MessagingConfig base = RandomConfigs.messaging(random(7));
    MessagingConfig changed = MessagingConfig.from(base).dedupWindow(12_345).build();
    assertThat(changed.dedupWindow()).isEqualTo(12_345);
    assertThat(MessagingConfig.from(changed).dedupWindow(base.dedupWindow()).build())
        .isEqualTo(base);
  }

  /** A bad value: the call, the key path and the value the error must name. */
  record Bad(String name, ThrowingCallable call, String keyPath, String value) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> badValues() {
    RegionsConfig.RegionPeer peer = new RegionsConfig.RegionPeer("c", List.of("10.0.0.1:5701"));
    return Stream.of(
        new Bad(
            "http enabled without a token",
            () -> HttpConfig.custom().enabled(true).build(),
            "swarmgrid.http.token",
            ""),
        new Bad(
            "http port", () -> HttpConfig.custom().port(70_000), "swarmgrid.http.port", "70000"),
        new Bad(
            "http body limit",
            () -> HttpConfig.custom().maxBodyBytes(10),
            "swarmgrid.http.max-body-bytes",
            "10"),
        new Bad(
            "swarm", () -> SwarmConfig.custom().tickMillis(0), "swarmgrid.swarm.tick-millis", "0"),
        new Bad(
            "learning rule",
            () -> TrainingConfig.custom().rule("average"),
            "swarmgrid.learning.rule",
            "average"),
        new Bad(
            "learning outlier factor",
            () -> TrainingConfig.custom().outlierFactor(0.5),
            "swarmgrid.learning.outlier-factor",
            "0.5"),
        new Bad(
            "storage",
            () -> StorageConfig.custom().backupCount(0),
            "swarmgrid.storage.backup-count",
            "0"),
        new Bad(
            "learning",
            () -> LearningConfig.custom().minRecall(0.4),
            "swarmgrid.consensus.learning.min-recall",
            "0.4"),
        new Bad(
            "learning, max under min",
            () -> LearningConfig.custom().minExamples(100).maxExamples(50).build(),
            "swarmgrid.consensus.learning.max-examples",
            "50"),
        new Bad(
            "consensus",
            () -> ConsensusConfig.custom().maxOptions(1),
            "swarmgrid.consensus.max-options",
            "1"),
        new Bad(
            "consensus, no learning",
            () -> ConsensusConfig.custom().learning(null),
            "swarmgrid.consensus.learning",
            null),
        new Bad(
            "reputation",
            () -> ReputationRuleConfig.custom().successGain(1.5),
            "swarmgrid.fault.reputation.success-gain",
            "1.5"),
        new Bad(
            "breaker",
            () -> BreakerConfig.custom().halfOpenCalls(0),
            "swarmgrid.fault.breaker-defaults.half-open-calls",
            "0"),
        new Bad(
            "fault, release policy",
            () -> FaultConfig.custom().releasePolicy("never"),
            "swarmgrid.fault.release-policy",
            "never"),
        new Bad(
            "fault, release under quarantine",
            () -> FaultConfig.custom().quarantineThreshold(0.6).releaseThreshold(0.5).build(),
            "swarmgrid.fault.release-threshold",
            "0.5"),
        new Bad(
            "fault, breaker name",
            () -> FaultConfig.custom().breaker("bad name", BreakerConfig.DEFAULTS),
            "swarmgrid.fault.breakers",
            "bad name"),
        new Bad(
            "messaging",
            () -> MessagingConfig.custom().retryBackoffMultiplier(0.5),
            "swarmgrid.messaging.retry-backoff-multiplier",
            "0.5"),
        new Bad(
            "messaging, gateway without token",
            () -> MessagingConfig.custom().gatewayEnabled(true).build(),
            "swarmgrid.messaging.gateway-token",
            ""),
        new Bad(
            "balance",
            () -> BalanceConfig.custom().strategy("fastest-first"),
            "swarmgrid.balance.strategy",
            "fastest-first"),
        new Bad(
            "balance, strategy of a type",
            () -> BalanceConfig.custom().strategies(Map.of("resize", "neural")),
            "swarmgrid.balance.strategies.resize",
            "neural"),
        new Bad(
            "balance, window under samples",
            () -> BalanceConfig.custom().predictorMinSamples(100).predictorWindow(50).build(),
            "swarmgrid.balance.predictor-window",
            "50"),
        new Bad(
            "regions, custom default policy",
            () -> RegionsConfig.custom().defaultPolicy("custom"),
            "swarmgrid.regions.default-policy",
            "custom"),
        new Bad(
            "regions, peer name",
            () -> RegionsConfig.custom().peer("bad name", peer),
            "swarmgrid.regions.peers",
            "bad name"),
        new Bad(
            "regions, map to an unknown peer",
            () ->
                RegionsConfig.custom()
                    .map("m", new RegionsConfig.ReplicatedMap(List.of("nowhere"), null, ""))
                    .build(),
            "swarmgrid.regions.maps.m.to[0]",
            "nowhere"),
        new Bad(
            "diffusion",
            () -> DiffusionConfig.custom().redundancy(0),
            "swarmgrid.diffusion.redundancy",
            "0"),
        new Bad(
            "diffusion, max under min",
            () -> DiffusionConfig.custom().neighboursMin(5).neighboursMax(4).build(),
            "swarmgrid.diffusion.neighbours-max",
            "4"),
        new Bad(
            "node",
            () -> NodeConfig.custom().heartbeatSeconds(0),
            "swarmgrid.node.heartbeat-seconds",
            "0"),
        new Bad(
            "node, capability",
            () -> NodeConfig.custom().capability("gpu").capability("no spaces"),
            "swarmgrid.node.capabilities[1]",
            "no spaces"),
        new Bad(
            "whole config, missing section",
            () -> SwarmGridConfig.custom().fault(null),
            "swarmgrid.fault",
            null),
        new Bad(
            "whole config, peer named as this region",
            () ->
                SwarmGridConfig.custom()
                    .regions(RegionsConfig.custom().peer("default", peer).build())
                    .build(),
            "swarmgrid.regions.peers.default",
            "default"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValue_isRefused_namingKeyPathAndValue(Bad bad) {
    SwarmConfigException e = catchThrowableOfType(SwarmConfigException.class, bad.call());
    assertThat(e).as("refused").isNotNull();
    assertThat(e.keyPath()).isEqualTo(bad.keyPath());
    assertThat(e.value()).isEqualTo(bad.value());
    assertThat(e.getMessage())
        .startsWith("invalid SwarmGrid config " + bad.keyPath() + ": ")
        .contains(bad.value() == null ? "missing" : "'" + bad.value() + "'");
  }

  @Test
  void refusedSetter_leavesTheBuilderAsItWas() {
    DiffusionConfig.Builder b = DiffusionConfig.custom().redundancy(3);
    catchThrowableOfType(SwarmConfigException.class, () -> b.redundancy(10));
    catchThrowableOfType(SwarmConfigException.class, () -> b.chunkBytes(10));
    assertThat(b.build()).isEqualTo(DiffusionConfig.custom().redundancy(3).build());
  }

  @Test
  void refusedCollection_leavesTheBuilderAsItWas() {
    RegionsConfig.RegionPeer peer = new RegionsConfig.RegionPeer("c", List.of("10.0.0.1:5701"));
    Map<String, RegionsConfig.RegionPeer> goodThenBad = new LinkedHashMap<>();
    goodThenBad.put("good", peer);
    goodThenBad.put("bad name", peer);
    RegionsConfig.Builder regions = RegionsConfig.custom().peer("kept", peer);
    catchThrowableOfType(SwarmConfigException.class, () -> regions.peers(goodThenBad));
    assertThat(regions.build().peers()).containsOnlyKeys("kept");

    NodeConfig.Builder node = NodeConfig.custom().capability("gpu");
    SwarmConfigException e =
        catchThrowableOfType(
            SwarmConfigException.class, () -> node.capabilities(List.of("camera", "no spaces")));
    assertThat(e.keyPath()).isEqualTo("swarmgrid.node.capabilities[1]");
    assertThat(node.build().capabilities()).containsExactly("gpu");
  }
}
