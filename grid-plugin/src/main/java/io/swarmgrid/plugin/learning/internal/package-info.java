/**
 * Roles of the learning engine. Classes in this package are not a part of public API and can change
 * without notice.
 */
package io.swarmgrid.plugin.learning.internal;
