package io.swarmgrid.tasks.diffusion;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One node's result for one chunk, signed by its hosting member's node key.
 *
 * @param nodeId the node that processed the chunk
 * @param hostNodeId the member node that hosts it and signed
 * @param hostUuid the hosting member's UUID
 * @param result the workload's result of the chunk (a value, compared with {@code equals})
 * @param payload the signed statement: task, chunk, node and the SHA-256 of the serialized result
 * @param signature the host's Ed25519 signature over {@code payload}
 */
public record CopyResult(
    String nodeId,
    String hostNodeId,
    String hostUuid,
    Serializable result,
    byte[] payload,
    byte[] signature) {
  /**
   * The statement a host signs for a result of {@code nodeId} on {@code chunk} of {@code taskId}.
   */
  public static byte[] statement(String taskId, int chunk, String nodeId, String resultSha256) {
    return ("swarmgrid.diffusion.result.v1|"
            + taskId
            + "|"
            + chunk
            + "|"
            + nodeId
            + "|"
            + resultSha256)
        .getBytes(StandardCharsets.UTF_8);
  }
}
