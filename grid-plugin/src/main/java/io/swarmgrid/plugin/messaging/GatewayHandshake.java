package io.swarmgrid.plugin.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swarmgrid.storage.identity.NodeKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * How a WebSocket node proves its identity on connect: the gateway sends a fresh random nonce, the
 * node answers with its Ed25519 signature over {@link #helloBytes}, checked with its registered key
 * (or, for a node registering itself, with the key it presented). The token alone no longer lets
 * its holder connect as another client's node (issue 13).
 */
final class GatewayHandshake {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DOMAIN = "swarmgrid.gateway.hello.v1|";

  private GatewayHandshake() {}

  /**
   * A connection waiting for its proof.
   *
   * @param node the node id it claims
   * @param region the region for a new registration
   * @param publicKey the key the proof must verify with
   * @param register whether the node is new and is registered with {@code publicKey} once proven
   * @param nonce the challenge, Base64
   */
  record Pending(String node, String region, byte[] publicKey, boolean register, String nonce) {}

  /** A fresh nonce, Base64 of 32 random bytes. */
  static String nonce() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** The bytes a node signs to answer the challenge {@code nonce}. */
  static byte[] helloBytes(String node, String nonce) {
    return (DOMAIN + node + "|" + nonce).getBytes(StandardCharsets.UTF_8);
  }

  /** The frame {@code {"kind":"challenge","node":...,"nonce":...}}. */
  static String challenge(Pending p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", "challenge");
    o.put("node", p.node());
    o.put("nonce", p.nonce());
    return o.toString();
  }

  /**
   * A raw 32-byte public key from the {@code publicKey} query parameter (Base64 or Base64url).
   *
   * @return empty if the parameter is absent or not such a key
   */
  static Optional<byte[]> publicKey(String param) {
    if (param == null || param.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] key =
          param.indexOf('-') >= 0 || param.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(param)
              : Base64.getDecoder().decode(param);
      return key.length == NodeKeys.PUBLIC_KEY_BYTES ? Optional.of(key) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks a {@code {"kind":"hello","signature":<Base64>}} frame against the pending challenge.
   *
   * @return null if it proves the node's key, else why not
   */
  static String refusal(Pending p, String frame) {
    JsonNode root;
    try {
      root = JSON.readTree(frame);
    } catch (JsonProcessingException e) {
      return "hello: the first frame must be {\"kind\":\"hello\",\"signature\":...}";
    }
    if (root == null || !"hello".equals(root.path("kind").asText())) {
      return "hello: the first frame must be {\"kind\":\"hello\",\"signature\":...}";
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(root.path("signature").asText());
    } catch (IllegalArgumentException e) {
      return "signature: is not Base64";
    }
    if (!NodeKeys.verify(p.publicKey(), helloBytes(p.node(), p.nonce()), signature)) {
      return "signature: does not verify with the key of node '" + p.node() + "'";
    }
    return null;
  }
}
