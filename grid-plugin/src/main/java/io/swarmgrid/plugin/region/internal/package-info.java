/**
 * The replication jobs' parts: the pipelines, the stamping service, the writer to another region.
 * Classes in this package are not a part of public API and can change without notice.
 */
package io.swarmgrid.plugin.region.internal;
