package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultConfigTest {

  @Test
  void defaults_matchTheBundledYaml() {
    assertThat(SwarmGridConfigLoader.fromYaml(null).fault()).isEqualTo(FaultConfig.DEFAULTS);
    assertThat(FaultConfig.DEFAULTS.releasesOnRecovery()).isTrue();
  }

  @Test
  void namedBreaker_overridesSomeKeys_andTakesTheDefaultsForTheRest() {
    FaultConfig f =
        SwarmGridConfigLoader.fromYaml(
                """
                swarmgrid:
                  fault:
                    release-policy: operator
                    quarantine-threshold: 0.2
                    breakers:
                      remote-member: { failure-rate-percent: 30, open-wait-millis: 2000 }
                """)
            .fault();
    assertThat(f.releasesOnRecovery()).isFalse();
    assertThat(f.quarantineThreshold()).isEqualTo(0.2);
    BreakerConfig b = f.breaker("remote-member");
    assertThat(b.failureRatePercent()).isEqualTo(30);
    assertThat(b.openWaitMillis()).isEqualTo(2000);
    assertThat(b.slidingWindowCalls()).isEqualTo(BreakerConfig.DEFAULTS.slidingWindowCalls());
    assertThat(f.breaker("unnamed")).isEqualTo(BreakerConfig.DEFAULTS);
  }

  @Test
  void badValues_areRejected_namingKeyAndValue() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml("swarmgrid:\n  fault:\n    release-policy: never\n"))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.fault.release-policy", "'never'", "operator, recovery");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  fault:\n    quarantine-threshold: 1.5\n"))
        .hasMessageContaining("swarmgrid.fault.quarantine-threshold", "'1.5'", "from 0 to 1");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  fault:\n    quarantine-threshold: 0.6\n    release-threshold: 0.5\n"))
        .hasMessageContaining("swarmgrid.fault.release-threshold", "'0.5'");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  fault:\n    breakers:\n      db: { half-open-calls: 0 }\n"))
        .hasMessageContaining("swarmgrid.fault.breakers.db.half-open-calls", "'0'");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  fault:\n    reputation:\n      success-gain: lots\n"))
        .hasMessageContaining("swarmgrid.fault.reputation.success-gain", "lots", "a number");
  }

  @Test
  void environment_overridesAFaultKey() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.parse(
            null, "test", Map.of("SWARMGRID_FAULT_RECOVERY_GRACE_SECONDS", "0"));
    assertThat(c.fault().recoveryGraceSeconds()).isZero();
  }

  @Test
  void operatorPublicKey_isRead_andABadOneIsRejectedNamingTheKey() {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    FaultConfig f =
        SwarmGridConfigLoader.fromYaml(
                "swarmgrid:\n  fault:\n    operator-public-key: \"" + key + "\"\n")
            .fault();
    assertThat(f.operatorKey()).hasValueSatisfying(k -> assertThat(k).hasSize(32));
    assertThat(FaultConfig.DEFAULTS.operatorKey()).isEmpty();
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  fault:\n    operator-public-key: \"AAAA\"\n"))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining(
            "swarmgrid.fault.operator-public-key", "'AAAA'", "32-byte", "3 bytes");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  fault:\n    operator-public-key: \"not base64!\"\n"))
        .hasMessageContaining("swarmgrid.fault.operator-public-key", "Base64");
  }
}
