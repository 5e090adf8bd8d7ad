/** The self-monitoring engine's parts: the log tail, the votes, the alerts, the meters. */
package io.swarmgrid.plugin.monitoring.internal;
