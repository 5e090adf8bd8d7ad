package io.swarmgrid.plugin.engine;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.swarmgrid.config.SwarmGridConfig;
import io.swarmgrid.storage.identity.NodeKeys;

/**
 * What an engine gets to work with: the member, the SwarmGrid config, and this node's identity.
 *
 * @param hazelcast the member this node runs in
 * @param config the SwarmGrid config the member was started with
 * @param nodeId this node's id
 * @param keys this node's key pair (the private key never leaves the node)
 * @param meters where the engines register their metrics
 */
public record SwarmNode(
    HazelcastInstance hazelcast,
    SwarmGridConfig config,
    String nodeId,
    NodeKeys keys,
    MeterRegistry meters) {}
