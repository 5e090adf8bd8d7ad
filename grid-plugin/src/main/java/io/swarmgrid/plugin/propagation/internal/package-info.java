/** Classes in this package are not a part of the public API and can change without notice. */
package io.swarmgrid.plugin.propagation.internal;
