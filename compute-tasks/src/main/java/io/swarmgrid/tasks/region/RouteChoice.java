package io.swarmgrid.tasks.region;

import java.util.List;

/**
 * The geographic router's choice.
 *
 * @param region the region chosen
 * @param nodeId the node chosen in this region; empty when the region is another one (its own
 *     registry, in its cluster, picks the node there)
 * @param reason why, in words: which regions were passed over and why
 * @param order the reachable regions in the order they were considered
 */
public record RouteChoice(String region, String nodeId, String reason, List<String> order) {}
