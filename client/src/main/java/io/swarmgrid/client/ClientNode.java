package io.swarmgrid.client;

import io.swarmgrid.storage.identity.NodeKeys;

/**
 * A node that lives in a client process (a worker, an agent, an edge device behind a client): it is
 * in the node registry like a member's node and signs with its own key, which never leaves the
 * client. Made by {@link SwarmClient#joinAsNode}.
 *
 * @param nodeId the node's id
 * @param keys its Ed25519 key pair
 */
public record ClientNode(String nodeId, NodeKeys keys) {}
