package io.swarmgrid.tasks.diffusion;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.swarmgrid.storage.SwarmMap;
import io.swarmgrid.storage.evidence.AgreedResults;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Diffusion's record of redundant work ({@code swarm.diffusion.shares}) for checking
 * disagreeing-result evidence: the statement must be a copy the chunk recorded, and its result must
 * differ from the chunk's agreed result. The subject is {@code diffusion/<task>/<chunk>/<node>}.
 */
public final class ShareResults implements AgreedResults {
  private static final String PREFIX = "swarmgrid.diffusion.result.v1|";

  private final IMap<String, ShareState> shares;

  /** The record of the cluster {@code hz} belongs to. */
  public ShareResults(HazelcastInstance hz) {
    this.shares = hz.getMap(SwarmMap.DIFFUSION_SHARES.mapName());
  }

  /** The evidence subject of a copy of {@code nodeId} on {@code chunk} of {@code taskId}. */
  public static String subject(String taskId, int chunk, String nodeId) {
    return "diffusion/" + taskId + "/" + chunk + "/" + nodeId;
  }

  @Override
  public String disagreement(byte[] statement) {
    String s = new String(statement, StandardCharsets.UTF_8);
    // task|chunk|node|sha: the task id may hold '|', the last three fields do not.
    int sha = s.lastIndexOf('|');
    int node = sha < 0 ? -1 : s.lastIndexOf('|', sha - 1);
    int chunkAt = node < 0 ? -1 : s.lastIndexOf('|', node - 1);
    if (!s.startsWith(PREFIX) || chunkAt < PREFIX.length()) {
      throw new IllegalArgumentException("is not a diffusion result statement");
    }
    String taskId = s.substring(PREFIX.length(), chunkAt);
    String nodeId = s.substring(node + 1, sha);
    int chunk;
    try {
      chunk = Integer.parseInt(s.substring(chunkAt + 1, node));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a diffusion result statement (bad chunk)");
    }
    ShareState state = shares.get(ShareState.key(taskId, chunk));
    if (state == null) {
      throw new IllegalArgumentException(
          "names chunk " + chunk + " of " + taskId + ", of which the grid has no record");
    }
    if (!state.isAgreed()) {
      throw new IllegalArgumentException(
          "names chunk " + chunk + " of " + taskId + ", which has no agreed result yet");
    }
    CopyResult copy =
        state.copies().stream()
            .filter(c -> Arrays.equals(c.payload(), statement))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "is not a copy recorded for chunk " + chunk + " of " + taskId));
    if (copy.result().equals(state.agreed())) {
      throw new IllegalArgumentException(
          "agrees with the agreed result of chunk " + chunk + " of " + taskId);
    }
    return subject(taskId, chunk, nodeId);
  }
}
