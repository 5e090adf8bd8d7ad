/** Ready workloads (word count, log analysis, search) run as Jet jobs from a client. */
package io.swarmgrid.client.workload;
