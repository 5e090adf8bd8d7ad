package io.swarmgrid.storage.monitoring;

/**
 * One member's latest sample of a watched meter ({@code swarm.monitoring.metrics}, keyed by {@link
 * #key}). Compact type name {@code swarmgrid.MetricReading}.
 *
 * @param nodeId the member's node id
 * @param metric the meter's name, e.g. {@code swarmgrid.messaging.inbox.queued}
 * @param sequence the member's scan number; a reader takes each sequence once
 * @param sampledAt epoch millis of the sample
 * @param value a gauge's value, a counter's rate per second or a timer's mean in ms over the scan
 */
public record MetricReading(
    String nodeId, String metric, long sequence, long sampledAt, double value) {

  /** The map key of a node's series of {@code metric}. */
  public static String key(String nodeId, String metric) {
    return nodeId + " " + metric;
  }

  /** This reading's map key. */
  public String key() {
    return key(nodeId, metric);
  }
}
