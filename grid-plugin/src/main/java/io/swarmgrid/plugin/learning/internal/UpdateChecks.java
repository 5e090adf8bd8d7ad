package io.swarmgrid.plugin.learning.internal;

import io.swarmgrid.ml.learning.ModelShape;
import io.swarmgrid.ml.learning.ModelUpdate;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.learning.SignedUpdate;
import io.swarmgrid.storage.node.NodeInfo;
import io.swarmgrid.storage.reputation.Reputation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a round's signed updates before anything is aggregated: the participant is a registered
 * node, the signature verifies with its registered key, it is not quarantined, and the weights have
 * the model's shape with finite values. Each refusal names the participant and why.
 */
final class UpdateChecks {
  private final LearningContext ctx;

  UpdateChecks(LearningContext ctx) {
    this.ctx = ctx;
  }

  /** Accepted updates (with the participants' reputations) and refusals. */
  record Checked(List<ModelUpdate> accepted, List<String> rejected) {}

  Checked check(List<SignedUpdate> updates, ModelShape shape) {
    List<String> ids = updates.stream().map(SignedUpdate::participant).toList();
    Map<String, NodeInfo> nodes = ctx.registry().getAll(ids);
    Map<String, Reputation> reps = ctx.reputations().getAll(ids);
    List<ModelUpdate> accepted = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (SignedUpdate u : updates) {
      Optional<String> why =
          refusal(u, nodes.get(u.participant()), reps.get(u.participant()), shape);
      if (why.isPresent()) {
        rejected.add(u.participant() + ": " + why.get());
      } else {
        double score = Math.max(0, Math.min(1, reps.get(u.participant()).score()));
        accepted.add(new ModelUpdate(u.participant(), u.weights(), u.samples(), score));
      }
    }
    return new Checked(accepted, rejected);
  }

  private static Optional<String> refusal(
      SignedUpdate u, NodeInfo node, Reputation rep, ModelShape shape) {
    if (node == null) {
      return Optional.of("participant is not a registered node");
    }
    if (u.signature().length == 0) {
      return Optional.of("unsigned");
    }
    if (!NodeKeys.verify(node.publicKey(), u.statement(), u.signature())) {
      return Optional.of(
          "signature does not verify with the registered public key of " + u.participant());
    }
    if (rep != null && rep.quarantined()) {
      return Optional.of("participant is quarantined");
    }
    if (u.samples() < 1) {
      return Optional.of("samples must be >= 1, was " + u.samples());
    }
    try {
      shape.check("weights", u.weights());
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }
}
