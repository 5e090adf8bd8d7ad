/**
 * Internals of {@code io.swarmgrid.ml}: feature encoding, scaling, metrics and the byte envelope.
 * Classes in this package are not public API and may change without notice.
 */
package io.swarmgrid.ml.internal;
