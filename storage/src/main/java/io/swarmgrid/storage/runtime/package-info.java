/**
 * What every SwarmGrid component of a member shares at run time: the typed service registry ({@link
 * io.swarmgrid.storage.runtime.SwarmServices}), the one thread factory ({@link
 * io.swarmgrid.storage.runtime.SwarmThreads}), the one policy for failures of background work
 * ({@link io.swarmgrid.storage.runtime.BackgroundFailures}) and a local copy of a map for readers
 * that list it often ({@link io.swarmgrid.storage.runtime.MapCopy}).
 */
package io.swarmgrid.storage.runtime;
