package io.swarmgrid.tasks.region;

/**
 * What a computation needs from the node that runs it.
 *
 * @param capability a capability the node must offer (e.g. {@code gpu}); empty = any node
 * @param homeRegion the region its data is homed in ({@code regions.placement}); empty = none, the
 *     nearest region wins
 */
public record RouteRequest(String capability, String homeRegion) {
  /** Normalizes nulls to empty. */
  public RouteRequest {
    capability = capability == null ? "" : capability;
    homeRegion = homeRegion == null ? "" : homeRegion;
  }
}
