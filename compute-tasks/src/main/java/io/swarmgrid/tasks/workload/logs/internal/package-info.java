/**
 * Implementation of the log templates: variable masking and the Drain parse tree. Classes in this
 * package are not a part of public API and can change without notice.
 */
package io.swarmgrid.tasks.workload.logs.internal;
