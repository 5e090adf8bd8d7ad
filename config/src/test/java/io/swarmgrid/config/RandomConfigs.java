package io.swarmgrid.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random valid configs, each built through its builder: every key set, within its range. */
final class RandomConfigs {
  private RandomConfigs() {}

  static StorageConfig storage(Random r) {
    return StorageConfig.custom()
        .backupCount(r.nextInt(1, 7))
        .eventJournalCapacity(r.nextInt(1000, 10_000_001))
        .maxEntriesPerMember(r.nextInt(100, 100_000_001))
        .checkpointMaxBytes(r.nextInt(1, 256 * 1024 * 1024 + 1))
        .checkpointRetainedVersions(r.nextInt(1, 1001))
        .pheromoneTtlSeconds(r.nextInt(1, 86_401))
        .goneNodeTtlSeconds(r.nextInt(60, 31_536_001))
        .build();
  }

  static LearningConfig learning(Random r) {
    int minExamples = r.nextInt(20, 1001);
    return LearningConfig.custom()
        .enabled(r.nextBoolean())
        .gate(r.nextBoolean())
        .retrainSeconds(r.nextInt(1, 86_401))
        .minExamples(minExamples)
        .maxExamples(r.nextInt(minExamples, 1_000_001))
        .defaultThreshold(r.nextDouble())
        .minRecall(between(r, 0.5, 1.0))
        .build();
  }

  static ConsensusConfig consensus(Random r) {
    return ConsensusConfig.custom()
        .quorumFraction(between(r, 0.5, 0.99))
        .maxPayloadBytes(r.nextInt(0, 16 * 1024 * 1024 + 1))
        .maxVectorLength(r.nextInt(1, 4097))
        .maxOptions(r.nextInt(2, 65))
        .maxDeadlineSeconds(r.nextInt(1, 604_801))
        .decisionTtlSeconds(r.nextInt(60, 31_536_001))
        .retentionSeconds(r.nextInt(10, 31_536_001))
        .cpShards(r.nextInt(1, 257))
        .cpShardCapacity(r.nextInt(16, 100_001))
        .commitBatchSize(r.nextInt(1, 1025))
        .sweepMillis(r.nextInt(10, 60_001))
        .learning(learning(r))
        .cp(new CpConfig(r.nextInt(0, 3601)))
        .build();
  }

  static ReputationRuleConfig reputation(Random r) {
    return ReputationRuleConfig.custom()
        .successGain(r.nextDouble())
        .failureLoss(r.nextDouble())
        .timeoutLoss(r.nextDouble())
        .wrongVoteLoss(r.nextDouble())
        .evidenceLoss(r.nextDouble())
        .reportedEvidenceLoss(r.nextDouble())
        .decayHalfLifeSeconds(r.nextLong(1, 31_536_001))
        .build();
  }

  static BreakerConfig breaker(Random r) {
    return BreakerConfig.custom()
        .failureRatePercent(r.nextInt(1, 101))
        .slidingWindowCalls(r.nextInt(1, 100_001))
        .minimumCalls(r.nextInt(1, 100_001))
        .openWaitMillis(r.nextLong(1, 86_400_001))
        .halfOpenCalls(r.nextInt(1, 10_001))
        .retryAttempts(r.nextInt(1, 101))
        .retryWaitMillis(r.nextLong(0, 600_001))
        .build();
  }

  static FaultConfig fault(Random r) {
    double quarantine = r.nextDouble();
    FaultConfig.Builder b =
        FaultConfig.custom()
            .quarantineThreshold(quarantine)
            .releasePolicy(r.nextBoolean() ? FaultConfig.RELEASE_OPERATOR : "RECOVERY")
            .releaseThreshold(between(r, quarantine, 1.0))
            .reputation(reputation(r))
            .maxEvidenceMaterialBytes(r.nextInt(1, 16 * 1024 * 1024 + 1))
            .recoveryGraceSeconds(r.nextInt(0, 86_401))
            .maxRecoveryEvents(r.nextInt(1, 1_000_001))
            .breakerDefaults(breaker(r))
            .maxWorkItems(r.nextInt(1, 100_000_001))
            .operatorPublicKey(r.nextBoolean() ? "" : operatorKey(r));
    for (int i = r.nextInt(4); i > 0; i--) {
      b.breaker("breaker-" + r.nextInt(1000), breaker(r));
    }
    return b.build();
  }

  static MessagingConfig messaging(Random r) {
    return MessagingConfig.custom()
        .maxPayloadBytes(r.nextInt(1, 16 * 1024 * 1024 + 1))
        .maxQueuedPerRecipient(r.nextInt(10, 10_000_001))
        .dedupWindow(r.nextInt(100, 10_000_001))
        .requestTimeoutMillis(r.nextLong(10, 3_600_001))
        .retryMaxAttempts(r.nextInt(1, 21))
        .retryInitialBackoffMillis(r.nextLong(1, 60_001))
        .retryBackoffMultiplier(between(r, 1.0, 10.0))
        .pingIntervalMillis(r.nextLong(50, 3_600_001))
        .unreachableAfterMissedPings(r.nextInt(1, 101))
        .gatewayEnabled(r.nextBoolean())
        .gatewayPort(r.nextInt(0, 65_536))
        .gatewayToken("token-" + r.nextInt(1000))
        .gatewayMaxConnections(r.nextInt(1, 100_001))
        .gatewayMaxFrameBytes(r.nextInt(1024, 64 * 1024 * 1024 + 1))
        .gatewayAllowedOrigins(
            r.nextBoolean() ? List.of() : List.of("https://ops-" + r.nextInt(1000) + ".example"))
        .goneAfterUnreachableSeconds(r.nextInt(1, 31_536_001))
        .maxQueuedBytesPerRecipient(r.nextLong(16L * 1024 * 1024, (1L << 40) + 1))
        .gatewayNodeTokens(
            r.nextBoolean()
                ? Map.of()
                : Map.of("meter-" + r.nextInt(1000), "token-" + r.nextInt(1000)))
        .build();
  }

  // The Base64 of 32 random bytes: any 32 bytes pass the key check.
  private static String operatorKey(Random r) {
    byte[] key = new byte[32];
    r.nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  static PropagationConfig propagation(Random r) {
    int maxPayload = r.nextInt(1, 4 * 1024 * 1024 + 1);
    long min = PropagationConfig.minimumBudget(maxPayload);
    return PropagationConfig.custom()
        .maxPayloadBytes(maxPayload)
        .degradeAfterMillis(r.nextInt(0, 60_001))
        .edgeBudget(r.nextBoolean() ? 0 : r.nextLong(min, min * 100))
        .edgeServerBudget(r.nextBoolean() ? 0 : r.nextLong(min, min * 100))
        .cloudBudget(r.nextBoolean() ? 0 : r.nextLong(min, min * 100))
        .sendThreads(r.nextInt(1, 65))
        .build();
  }

  static BalanceConfig balance(Random r) {
    List<String> names = BalanceConfig.STRATEGIES;
    Map<String, String> byType = new LinkedHashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      byType.put("type-" + r.nextInt(1000), names.get(r.nextInt(names.size())));
    }
    int minSamples = r.nextInt(10, 1001);
    return BalanceConfig.custom()
        .strategy(names.get(r.nextInt(names.size())))
        .strategies(byType)
        .speedWeight(between(r, 0, 100))
        .costWeight(between(r, 0, 100))
        .reliabilityWeight(between(r, 0, 100))
        .affinityWeight(between(r, 0, 100))
        .skewThreshold(r.nextInt(1, 1_000_001))
        .maxTasks(r.nextInt(1, 100_000_001))
        .finishedTtlSeconds(r.nextInt(1, 31_536_001))
        .maxAttempts(r.nextInt(1, 101))
        .maxEstimateMillis(r.nextLong(1, 604_800_001))
        .sweepMillis(r.nextLong(50, 600_001))
        .workerTimeoutMillis(r.nextLong(500, 3_600_001))
        .predictorMinSamples(minSamples)
        .predictorRetrainEvery(r.nextInt(1, 1_000_001))
        .predictorWindow(r.nextInt(minSamples, 1_000_001))
        .assignedTimeoutMillis(r.nextLong(1_000, 86_400_001))
        .runningLeaseMillis(r.nextLong(3_000, 86_400_001))
        .build();
  }

  static RegionsConfig regions(Random r) {
    List<String> policies = List.of("latest-update", "higher-version", "pass-through");
    RegionsConfig.Builder b = RegionsConfig.custom();
    List<String> peers = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      String name = "peer-" + r.nextInt(1000);
      peers.add(name);
      b.peer(
          name,
          new RegionsConfig.RegionPeer("cluster-" + name, List.of("10.0.0.1:" + r.nextInt(6000))));
    }
    for (int i = r.nextInt(3); i > 0; i--) {
      List<String> to = peers.isEmpty() || r.nextBoolean() ? List.of() : List.of(peers.get(0));
      String policy = r.nextBoolean() ? null : policies.get(r.nextInt(policies.size()));
      b.map("map-" + r.nextInt(1000), new RegionsConfig.ReplicatedMap(to, policy, ""));
    }
    List<RegionsConfig.Placement> placement = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0 && !peers.isEmpty(); i--) {
      placement.add(
          new RegionsConfig.Placement("map-" + r.nextInt(1000), "key-" + i, peers.get(0)));
    }
    long retryInitial = r.nextLong(10, 600_001);
    return b.placement(placement)
        .defaultPolicy(policies.get(r.nextInt(policies.size())))
        .retryInitialMillis(retryInitial)
        .retryMaxMillis(r.nextLong(retryInitial, 3_600_001))
        .statusIntervalMillis(r.nextLong(100, 600_001))
        .resyncAfterMillis(r.nextLong(1000, 86_400_001))
        .tombstoneTtlSeconds(r.nextLong(1, 31_536_001))
        .snapshotIntervalMillis(r.nextLong(100, 600_001))
        .build();
  }

  static MonitoringConfig monitoring(Random r) {
    return MonitoringConfig.custom()
        .logFile(r.nextBoolean() ? "" : "/var/log/swarmgrid/{node-id}-" + r.nextInt(100) + ".log")
        .format(r.nextBoolean() ? "" : "HDFS")
        .scanMillis(r.nextLong(100, 3_600_001))
        .rareBelow(r.nextInt(1, 1_001))
        .voteSeconds(r.nextInt(1, 3_601))
        .alertTtlSeconds(r.nextInt(1, 31_536_001))
        .metrics(
            r.nextBoolean() ? List.of() : List.of("jvm.memory.used", "swarmgrid.x" + r.nextInt(9)))
        .metricWarmup(r.nextInt(2, 100_001))
        .metricBandSigmas(r.nextDouble(1.0, 1_000.0))
        .metricPersistence(r.nextInt(1, 1_001))
        .build();
  }

  static DiffusionConfig diffusion(Random r) {
    int neighboursMin = r.nextInt(1, 33);
    int neighboursMax = r.nextInt(neighboursMin, 33);
    double stopThreshold = between(r, 0.001, 1_000_000);
    return DiffusionConfig.custom()
        .neighboursMin(neighboursMin)
        .neighboursMax(neighboursMax)
        .longLinks(r.nextInt(0, neighboursMax + 1))
        .energyDecay(between(r, 0.01, 0.99))
        .stopThreshold(stopThreshold)
        .maxEnergy(between(r, stopThreshold, 1_000_000_000))
        .redundancy(r.nextInt(1, 10))
        .virtualNodes(r.nextInt(0, 10_001))
        .chunkBytes(r.nextInt(1024, 64 * 1024 * 1024 + 1))
        .contentCopies(r.nextInt(1, 6))
        .contentMaxBytesPerMember(r.nextLong(1024L * 1024, (1L << 40) + 1))
        .contentMaxEntriesPerMember(r.nextInt(100, 100_000_001))
        .contentMaxAgeSeconds(r.nextInt(1, 31_536_001))
        .collectIntervalMillis(r.nextLong(100, 3_600_001))
        .topologyRefreshMillis(r.nextLong(50, 600_001))
        .claimLeaseMillis(r.nextLong(100, 3_600_001))
        .stallMillis(r.nextLong(500, 3_600_001))
        .workerThreads(r.nextInt(0, 257))
        .maxTasks(r.nextInt(1, 1_000_001))
        .finishedTaskTtlSeconds(r.nextInt(1, 31_536_001))
        .maxTaskAgeSeconds(r.nextInt(1, 31_536_001))
        .corruptResultsForTesting(r.nextBoolean())
        .build();
  }

  static NodeConfig node(Random r) {
    NodeConfig.Builder b =
        NodeConfig.custom()
            .id(r.nextBoolean() ? "" : "node-" + r.nextInt(1000))
            .region("region-" + r.nextInt(1000))
            .tier(NodeTier.values()[r.nextInt(NodeTier.values().length)])
            .capacity(
                new Capacity(r.nextInt(0, 4097), r.nextLong(0, 16_777_217), r.nextInt(0, 1025)))
            .keyFile("keys/" + r.nextInt(1000) + "/{node-id}.key")
            .heartbeatSeconds(r.nextInt(1, 3601));
    for (int i = r.nextInt(4); i > 0; i--) {
      b.capability("capability-" + r.nextInt(1000));
    }
    return b.build();
  }

  static EnginesConfig engines(Random r) {
    return EnginesConfig.custom()
        .consensus(r.nextBoolean())
        .messaging(r.nextBoolean())
        .fault(r.nextBoolean())
        .balance(r.nextBoolean())
        .swarm(r.nextBoolean())
        .diffusion(r.nextBoolean())
        .propagation(r.nextBoolean())
        .region(r.nextBoolean())
        .monitoring(r.nextBoolean())
        .learning(r.nextBoolean())
        .build();
  }

  static SwarmConfig swarm(Random r) {
    return SwarmConfig.custom()
        .tickMillis(r.nextLong(1, 60_001))
        .maxAgentsPerMember(r.nextInt(1, 10_000_001))
        .psoStallSteps(r.nextInt(1, 100_001))
        .psoStallTicks(r.nextInt(1, 1_000_001))
        .psoDecisionSeconds(r.nextInt(1, 3601))
        .pheromoneMaxKeys(r.nextInt(1, 10_000_001))
        .colonyStagnationTicks(r.nextInt(1, 1_000_001))
        .colonyGlobalBestEvery(r.nextInt(1, 10_001))
        .build();
  }

  static SwarmGridConfig swarmGrid(Random r) {
    return SwarmGridConfig.custom()
        .node(node(r))
        .engines(engines(r))
        .storage(storage(r))
        .consensus(consensus(r))
        .fault(fault(r))
        .messaging(messaging(r))
        .regions(regions(r))
        .diffusion(diffusion(r))
        .balance(balance(r))
        .propagation(propagation(r))
        .swarm(swarm(r))
        .monitoring(monitoring(r))
        .http(http(r))
        .learning(training(r))
        .build();
  }

  static TrainingConfig training(Random r) {
    return TrainingConfig.custom()
        .rule(TrainingConfig.RULES.get(r.nextInt(TrainingConfig.RULES.size())))
        .faulty(r.nextInt(0, 1001))
        .trimBeta(between(r, 0, 0.49))
        .reputationWeighted(r.nextBoolean())
        .rounds(r.nextInt(1, 10_001))
        .epochs(r.nextInt(1, 101))
        .learningRate(between(r, 0.000001, 10))
        .batchSize(r.nextInt(1, 100_001))
        .outlierFactor(r.nextInt(4) == 0 ? 0 : between(r, 1, 1000))
        .maxRoundAttempts(r.nextInt(1, 1001))
        .trainTimeoutSeconds(r.nextInt(1, 86_401))
        .voteWindowMillis(r.nextLong(100, 600_001))
        .promotionMaxDrop(between(r, 0, 1))
        .build();
  }

  static HttpConfig http(Random r) {
    return HttpConfig.custom()
        .enabled(r.nextBoolean())
        .port(r.nextInt(0, 65_536))
        .token("token-" + r.nextInt(1_000_000))
        .maxBodyBytes(r.nextInt(1024, 64 * 1024 * 1024 + 1))
        .pageSizeLimit(r.nextInt(1, 100_001))
        .build();
  }

  private static double between(Random r, double min, double max) {
    return min + (max - min) * r.nextDouble();
  }
}
