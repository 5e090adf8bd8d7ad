/**
 * Internals of the diffusion engine. Not part of the public API; they can change without notice.
 */
package io.swarmgrid.plugin.diffusion.internal;
