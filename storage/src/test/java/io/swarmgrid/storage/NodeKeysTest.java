package io.swarmgrid.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swarmgrid.storage.identity.NodeKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeysTest {
  @TempDir Path dir;

  @Test
  void signAndVerify_detectsTamperingAndWrongKey() {
    NodeKeys keys = NodeKeys.generate();
    byte[] msg = "vote approve".getBytes(StandardCharsets.UTF_8);
    byte[] sig = keys.sign(msg);
    assertThat(NodeKeys.verify(keys.publicKey(), msg, sig)).isTrue();
    assertThat(
            NodeKeys.verify(keys.publicKey(), "vote reject".getBytes(StandardCharsets.UTF_8), sig))
        .isFalse();
    assertThat(NodeKeys.verify(NodeKeys.generate().publicKey(), msg, sig)).isFalse();
    assertThat(NodeKeys.verify(keys.publicKey(), msg, new byte[3])).isFalse();
  }

  @Test
  void loadOrCreate_keepsTheSameKeyAcrossRestarts_ownerOnly() throws Exception {
    Path file = dir.resolve("keys/node-1.key");
    NodeKeys first = NodeKeys.loadOrCreate(file);
    NodeKeys again = NodeKeys.loadOrCreate(file);
    assertThat(again.publicKey()).isEqualTo(first.publicKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(first.publicKey()));
  }

  @Test
  void loadOrCreate_foreignFile_isRejected() throws Exception {
    Path file = dir.resolve("other.key");
    Files.writeString(file, "hello");
    assertThatThrownBy(() -> NodeKeys.loadOrCreate(file))
        .hasMessageContaining("not a SwarmGrid Ed25519 key file");
  }
}
