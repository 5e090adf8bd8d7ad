package io.swarmgrid.storage.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.messaging.Priority;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bytes a source signs stay the ones members of the previous version check (the batch's are
 * hashed without copying each update's payloads): written here the way they were defined.
 */
class SigningBytesTest {
  private static byte[] asDefined(StateUpdate u) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("swarmgrid.StateUpdate/1");
      out.writeUTF(u.stateId());
      out.writeUTF(u.source());
      out.writeLong(u.seq());
      out.writeLong(u.publishedAt());
      out.writeUTF(u.priority().name());
      out.writeBoolean(u.keyframe());
      out.writeLong(u.keyframeSeq());
      out.writeInt(u.qualities().size());
      for (byte[] q : u.qualities()) {
        out.writeInt(q.length);
        out.write(q);
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] batchAsDefined(List<StateUpdate> batch) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF("swarmgrid.StateBatch/1");
      out.writeInt(batch.size());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (StateUpdate u : batch) {
        sha.update(asDefined(u));
        sha.update(u.signature());
        out.write(sha.digest());
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void signingBytesOfSeededUpdates_areAsDefined() throws Exception {
    Random random = new Random(17);
    NodeKeys keys = NodeKeys.generate();
    List<StateUpdate> batch = new ArrayList<>();
    for (int seq = 1; seq <= 20; seq++) {
      List<byte[]> qualities = new ArrayList<>();
      for (int q = 0; q <= random.nextInt(3); q++) {
        byte[] payload = new byte[random.nextInt(3000)];
        random.nextBytes(payload);
        qualities.add(payload);
      }
      boolean keyframe = seq == 1 || random.nextInt(5) == 0;
      StateUpdate u =
          StateUpdate.signed(
              keys,
              "weights.é" + random.nextInt(3),
              "src",
              seq,
              random.nextLong(),
              Priority.values()[random.nextInt(Priority.values().length)],
              keyframe,
              keyframe ? seq : 1,
              qualities);
      batch.add(
          seq % 2 == 0
              ? u
              : new StateUpdate(
                  u.stateId(),
                  u.source(),
                  u.seq(),
                  u.publishedAt(),
                  u.priority(),
                  u.keyframe(),
                  u.keyframeSeq(),
                  u.qualities(),
                  new byte[0]));
      assertThat(u.signingBytes()).isEqualTo(asDefined(u));
      assertThat(u.verify(keys.publicKey())).isTrue();
    }

    assertThat(StateUpdate.batchSigningBytes(batch)).isEqualTo(batchAsDefined(batch));
  }
}
