package io.swarmgrid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessagingConfigTest {

  @Test
  void messagingSection_isParsed_overDefaults() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.fromYaml(
            """
        swarmgrid:
          messaging:
            max-payload-bytes: 1024
            retry-backoff-multiplier: 1.5
            gateway-enabled: true
            gateway-port: 6160
            gateway-token: s3cret
        """);
    assertThat(c.messaging().maxPayloadBytes()).isEqualTo(1024);
    assertThat(c.messaging().retryBackoffMultiplier()).isEqualTo(1.5);
    assertThat(c.messaging().gatewayPort()).isEqualTo(6160);
    assertThat(c.messaging().maxQueuedPerRecipient())
        .isEqualTo(MessagingConfig.DEFAULTS.maxQueuedPerRecipient());
  }

  @Test
  void badValues_areRejected_namingKeyAndValue() {
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  messaging:\n    max-payload-bytes: 0\n"))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("swarmgrid.messaging.max-payload-bytes")
        .hasMessageContaining("'0'");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  messaging:\n    gateway-enabled: true\n"))
        .isInstanceOf(SwarmConfigException.class)
        .hasMessageContaining("gateway-token");
    assertThatThrownBy(
            () ->
                SwarmGridConfigLoader.fromYaml(
                    "swarmgrid:\n  messaging:\n    retry-backoff-multiplier: 0.5\n"))
        .hasMessageContaining("retry-backoff-multiplier")
        .hasMessageContaining("0.5");
  }

  @Test
  void environment_overridesMessagingKeys() {
    SwarmGridConfig c =
        SwarmGridConfigLoader.parse(
            null, "test", java.util.Map.of("SWARMGRID_MESSAGING_DEDUP_WINDOW", "500"));
    assertThat(c.messaging().dedupWindow()).isEqualTo(500);
  }
}
