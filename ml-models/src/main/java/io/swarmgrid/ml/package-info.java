/**
 * SwarmGrid's machine-learning models, built on Tribuo's pure-Java trainers and free of any
 * Hazelcast dependency: a logistic-regression model of consensus outcomes with per-decision-type
 * adaptive approval thresholds, a linear-regression predictor of task completion time for load
 * balancing, and {@link io.swarmgrid.ml.ModelBytes} to store any Tribuo model as bytes.
 */
package io.swarmgrid.ml;
