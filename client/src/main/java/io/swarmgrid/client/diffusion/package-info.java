/**
 * The client side of energy-based diffusion: inject a workload over an input at a node with an
 * energy, follow its progress, fetch its result, read the neighbour topology, and put and get
 * content-addressed data. {@code docs/DIFFUSION.md} explains the model.
 */
package io.swarmgrid.client.diffusion;
