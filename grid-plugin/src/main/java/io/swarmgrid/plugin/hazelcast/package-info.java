/**
 * The one place where SwarmGrid touches Hazelcast internals, each use explained. Not a part of the
 * public API; can change without notice (and with every Hazelcast version).
 */
package io.swarmgrid.plugin.hazelcast;
