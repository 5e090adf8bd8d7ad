package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.fraction;
import static io.swarmgrid.config.internal.Checks.name;
import static io.swarmgrid.config.internal.Checks.range;
import static io.swarmgrid.config.internal.Checks.required;

import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fault tolerance ({@code swarmgrid.fault}): reputation, quarantine, circuit breakers, recovery.
 *
 * <p>Over 300 lines on purpose: the record and its builder (one checked setter per key) belong
 * together.
 *
 * @param quarantineThreshold a node whose reputation falls below this is quarantined: no vote
 *     weight, no new work, 0..1
 * @param releasePolicy how a quarantined node is released: {@code operator} (only by an operator
 *     call) or {@code recovery} (also when its reputation climbs back to {@code releaseThreshold})
 * @param releaseThreshold reputation at which a quarantined node is released under the {@code
 *     recovery} policy; at least {@code quarantineThreshold}, 0..1
 * @param reputation the weights of the reputation update rule
 * @param maxEvidenceMaterialBytes largest signed material (all payloads together) one piece of
 *     evidence may carry, 1..16777216 bytes
 * @param recoveryGraceSeconds how long a lost member's node may take to come back before its work
 *     is re-assigned to others (0 = re-assign at once), 0..86400
 * @param maxRecoveryEvents recovery events kept in {@code swarm.recovery} (oldest removed),
 *     1..1000000
 * @param breakerDefaults settings of every circuit breaker not named under {@code breakers}
 * @param breakers named circuit breakers, each overriding some of the defaults
 * @param maxWorkItems work items (live and finished) that {@code swarm.work} may hold; creating
 *     more is refused, 1..100000000
 * @param operatorPublicKey the operator's Ed25519 public key, the raw 32 bytes in Base64; releases
 *     of quarantined nodes must be signed with its private key. Empty: no operator, every release
 *     is refused
 */
public record FaultConfig(
    double quarantineThreshold,
    String releasePolicy,
    double releaseThreshold,
    ReputationRuleConfig reputation,
    int maxEvidenceMaterialBytes,
    int recoveryGraceSeconds,
    int maxRecoveryEvents,
    BreakerConfig breakerDefaults,
    Map<String, BreakerConfig.Partial> breakers,
    int maxWorkItems,
    String operatorPublicKey) {

  /** Length of a raw Ed25519 public key, in bytes. */
  public static final int OPERATOR_KEY_BYTES = 32;

  /** Release policy: only an operator call releases a quarantined node. */
  public static final String RELEASE_OPERATOR = "operator";

  /**
   * Release policy: an operator call, or the node's reputation recovering to the release threshold.
   */
  public static final String RELEASE_RECOVERY = "recovery";

  /** The defaults of the bundled {@code swarmgrid-default.yaml}. */
  public static final FaultConfig DEFAULTS =
      new FaultConfig(
          0.3,
          RELEASE_RECOVERY,
          0.5,
          ReputationRuleConfig.DEFAULTS,
          65_536,
          5,
          10_000,
          BreakerConfig.DEFAULTS,
          Map.of(),
          1_000_000,
          "");

  /** Validates every field. */
  public FaultConfig {
    fraction("quarantine-threshold", quarantineThreshold);
    releasePolicy = checkReleasePolicy("release-policy", releasePolicy);
    fraction("release-threshold", releaseThreshold);
    if (releaseThreshold < quarantineThreshold) {
      throw new SwarmConfigException(
          "release-threshold",
          releaseThreshold,
          "a number from quarantine-threshold (" + quarantineThreshold + ") to 1");
    }
    reputation = reputation == null ? ReputationRuleConfig.DEFAULTS : reputation;
    range("max-evidence-material-bytes", maxEvidenceMaterialBytes, 1, 16 * 1024 * 1024);
    range("recovery-grace-seconds", recoveryGraceSeconds, 0, 86_400);
    range("max-recovery-events", maxRecoveryEvents, 1, 1_000_000);
    breakerDefaults = breakerDefaults == null ? BreakerConfig.DEFAULTS : breakerDefaults;
    TreeMap<String, BreakerConfig.Partial> copy = new TreeMap<>();
    if (breakers != null) {
      for (Map.Entry<String, BreakerConfig.Partial> e : breakers.entrySet()) {
        name("breakers", e.getKey());
        BreakerConfig.Partial o = e.getValue() == null ? BreakerConfig.Partial.NONE : e.getValue();
        try {
          o.over(breakerDefaults);
        } catch (SwarmConfigException bad) {
          throw bad.under("breakers." + e.getKey(), "");
        }
        copy.put(e.getKey(), o);
      }
    }
    breakers = Collections.unmodifiableMap(copy);
    range("max-work-items", maxWorkItems, 1, 100_000_000);
    operatorPublicKey = operatorPublicKey == null ? "" : operatorPublicKey.strip();
    decodeOperatorKey(operatorPublicKey);
  }

  /** The operator's raw public key, or empty when none is configured. */
  public Optional<byte[]> operatorKey() {
    return operatorPublicKey.isEmpty()
        ? Optional.empty()
        : Optional.of(decodeOperatorKey(operatorPublicKey));
  }

  private static byte[] decodeOperatorKey(String base64) {
    if (base64.isEmpty()) {
      return new byte[0];
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new SwarmConfigException(
          "operator-public-key",
          base64,
          "the Base64 of a raw 32-byte Ed25519 public key (" + e.getMessage() + ")");
    }
    if (key.length != OPERATOR_KEY_BYTES) {
      throw new SwarmConfigException(
          "operator-public-key",
          base64,
          "the Base64 of a raw 32-byte Ed25519 public key (it decodes to "
              + key.length
              + " bytes)");
    }
    return key;
  }

  private static String checkReleasePolicy(String key, String value) {
    String policy = value == null ? null : value.toLowerCase(Locale.ROOT);
    if (!RELEASE_OPERATOR.equals(policy) && !RELEASE_RECOVERY.equals(policy)) {
      throw new SwarmConfigException(key, value, RELEASE_OPERATOR + ", " + RELEASE_RECOVERY);
    }
    return policy;
  }

  /** Whether a quarantined node is released when its reputation recovers. */
  public boolean releasesOnRecovery() {
    return RELEASE_RECOVERY.equals(releasePolicy);
  }

  /** The settings of the breaker named {@code name}: its own keys over the defaults. */
  public BreakerConfig breaker(String name) {
    BreakerConfig.Partial o = breakers.get(name);
    return o == null ? breakerDefaults : o.over(breakerDefaults);
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(FaultConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static FaultConfig ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Builds a {@link FaultConfig}; each setter rejects a bad value at once, {@link #build} checks
   * the keys that depend on each other.
   */
  public static final class Builder {
    private static final String PATH = "swarmgrid.fault";

    private double quarantineThreshold;
    private String releasePolicy;
    private double releaseThreshold;
    private ReputationRuleConfig reputation;
    private int maxEvidenceMaterialBytes;
    private int recoveryGraceSeconds;
    private int maxRecoveryEvents;
    private BreakerConfig breakerDefaults;
    private Map<String, BreakerConfig.Partial> breakers;
    private int maxWorkItems;
    private String operatorPublicKey;

    private Builder(FaultConfig c) {
      quarantineThreshold = c.quarantineThreshold;
      releasePolicy = c.releasePolicy;
      releaseThreshold = c.releaseThreshold;
      reputation = c.reputation;
      maxEvidenceMaterialBytes = c.maxEvidenceMaterialBytes;
      recoveryGraceSeconds = c.recoveryGraceSeconds;
      maxRecoveryEvents = c.maxRecoveryEvents;
      breakerDefaults = c.breakerDefaults;
      breakers = new TreeMap<>(c.breakers);
      maxWorkItems = c.maxWorkItems;
      operatorPublicKey = c.operatorPublicKey;
    }

    /**
     * A node whose reputation falls below this is quarantined: no vote weight, no new work, 0..1.
     */
    public Builder quarantineThreshold(double quarantineThreshold) {
      this.quarantineThreshold = fraction(PATH + ".quarantine-threshold", quarantineThreshold);
      return this;
    }

    /**
     * How a quarantined node is released: {@code operator} (only by an operator call) or {@code
     * recovery} (also when its reputation climbs back to {@code releaseThreshold}).
     */
    public Builder releasePolicy(String releasePolicy) {
      this.releasePolicy = checkReleasePolicy(PATH + ".release-policy", releasePolicy);
      return this;
    }

    /**
     * Reputation at which a quarantined node is released under the {@code recovery} policy; at
     * least {@code quarantineThreshold}, 0..1.
     */
    public Builder releaseThreshold(double releaseThreshold) {
      this.releaseThreshold = fraction(PATH + ".release-threshold", releaseThreshold);
      return this;
    }

    /** The weights of the reputation update rule. */
    public Builder reputation(ReputationRuleConfig reputation) {
      this.reputation = required(PATH + ".reputation", reputation, "a reputation section");
      return this;
    }

    /**
     * Largest signed material (all payloads together) one piece of evidence may carry, 1..16777216
     * bytes.
     */
    public Builder maxEvidenceMaterialBytes(int maxEvidenceMaterialBytes) {
      this.maxEvidenceMaterialBytes =
          range(
              PATH + ".max-evidence-material-bytes", maxEvidenceMaterialBytes, 1, 16 * 1024 * 1024);
      return this;
    }

    /**
     * How long a lost member's node may take to come back before its work is re-assigned to others
     * (0 = re-assign at once), 0..86400.
     */
    public Builder recoveryGraceSeconds(int recoveryGraceSeconds) {
      this.recoveryGraceSeconds =
          range(PATH + ".recovery-grace-seconds", recoveryGraceSeconds, 0, 86_400);
      return this;
    }

    /** Recovery events kept in {@code swarm.recovery} (oldest removed), 1..1000000. */
    public Builder maxRecoveryEvents(int maxRecoveryEvents) {
      this.maxRecoveryEvents =
          range(PATH + ".max-recovery-events", maxRecoveryEvents, 1, 1_000_000);
      return this;
    }

    /** Settings of every circuit breaker not named under {@code breakers}. */
    public Builder breakerDefaults(BreakerConfig breakerDefaults) {
      this.breakerDefaults =
          required(PATH + ".breaker-defaults", breakerDefaults, "a breaker-defaults section");
      return this;
    }

    /** Named circuit breakers, each overriding some of the defaults. */
    public Builder breakers(Map<String, BreakerConfig.Partial> breakers) {
      TreeMap<String, BreakerConfig.Partial> copy = new TreeMap<>();
      required(PATH + ".breakers", breakers, "a mapping of breaker names")
          .forEach((name, settings) -> copy.put(name(PATH + ".breakers", name), settings));
      this.breakers = copy;
      return this;
    }

    /** Adds (or replaces) the breaker {@code name} with all of {@code settings}. */
    public Builder breaker(String name, BreakerConfig settings) {
      breakers.put(
          name(PATH + ".breakers", name),
          BreakerConfig.Partial.of(
              required(PATH + ".breakers." + name, settings, "breaker settings")));
      return this;
    }

    /**
     * Work items (live and finished) that {@code swarm.work} may hold; creating more is refused,
     * 1..100000000.
     */
    public Builder maxWorkItems(int maxWorkItems) {
      this.maxWorkItems = range(PATH + ".max-work-items", maxWorkItems, 1, 100_000_000);
      return this;
    }

    /**
     * The operator's Ed25519 public key (Base64 of the raw 32 bytes) that signs quarantine
     * releases; empty: every release is refused.
     */
    public Builder operatorPublicKey(String operatorPublicKey) {
      String key = operatorPublicKey == null ? "" : operatorPublicKey.strip();
      try {
        decodeOperatorKey(key);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
      this.operatorPublicKey = key;
      return this;
    }

    /** The config; a bad combination of keys is refused naming the key and the value. */
    public FaultConfig build() {
      try {
        return new FaultConfig(
            quarantineThreshold,
            releasePolicy,
            releaseThreshold,
            reputation,
            maxEvidenceMaterialBytes,
            recoveryGraceSeconds,
            maxRecoveryEvents,
            breakerDefaults,
            breakers,
            maxWorkItems,
            operatorPublicKey);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
