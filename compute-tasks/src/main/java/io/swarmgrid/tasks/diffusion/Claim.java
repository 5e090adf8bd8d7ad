package io.swarmgrid.tasks.diffusion;

/**
 * A node's claim on one chunk: it is processing it.
 *
 * @param nodeId the (member or virtual) node
 * @param hostNodeId the member node that hosts it and signs its results
 * @param hostUuid the hosting member's UUID
 * @param claimedAt epoch millis
 */
public record Claim(String nodeId, String hostNodeId, String hostUuid, long claimedAt) {}
