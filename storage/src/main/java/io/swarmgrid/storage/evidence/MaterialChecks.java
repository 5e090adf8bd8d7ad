package io.swarmgrid.storage.evidence;

import io.swarmgrid.storage.consensus.Vote;
import io.swarmgrid.storage.identity.NodeKeys;
import io.swarmgrid.storage.node.NodeInfo;
import java.util.function.BiFunction;

/**
 * Checks that evidence's material shows what its kind claims (see {@link EvidenceKind}); each
 * failure names the field and says why. Needs the registry ({@code known}) for the keys of nodes
 * the material names, and the grid's agreed results for disagreeing results.
 */
final class MaterialChecks {
  private final BiFunction<String, String, NodeInfo> known;
  private final AgreedResults agreedResults;

  MaterialChecks(BiFunction<String, String, NodeInfo> known, AgreedResults agreedResults) {
    this.known = known;
    this.agreedResults = agreedResults;
  }

  void check(Evidence e, NodeInfo accused) {
    switch (e.kind()) {
      case EQUIVOCATION -> equivocation(e, accused);
      case DISAGREEING_RESULT -> disagreeingResult(e, accused);
      case FORGED_MESSAGE -> forgedMessage(e, accused);
    }
  }

  private void equivocation(Evidence e, NodeInfo accused) {
    payloads(e, 2, "two votes signed by the accused on the same proposal");
    Vote first = signedVote(e, accused, 0);
    Vote second = signedVote(e, accused, 1);
    if (!first.proposalId().equals(second.proposalId())) {
      throw new EvidenceRejectedException(
          "material[1]",
          "a vote on " + second.proposalId(),
          "is not on the proposal of material[0] ("
              + first.proposalId()
              + "): equivocation is two votes on the same proposal");
    }
    if (first.choice() == second.choice()) {
      throw new EvidenceRejectedException(
          "material[1]",
          "choice " + second.choice(),
          "is the choice of material[0]: equivocation is two different choices");
    }
    subjectIs(e, first.proposalId());
  }

  private void disagreeingResult(Evidence e, NodeInfo accused) {
    payloads(e, 1, "the accused's signed result statement");
    signedBy(e, accused, 0);
    String subject;
    try {
      subject = agreedResults.disagreement(e.material().get(0).payload());
    } catch (IllegalArgumentException notADisagreement) {
      throw new EvidenceRejectedException(
          "material[0].payload",
          e.material().get(0).payload().length + " bytes",
          notADisagreement.getMessage());
    }
    subjectIs(e, subject);
  }

  private void forgedMessage(Evidence e, NodeInfo accused) {
    payloads(e, 1, "a vote the accused signed in another node's name");
    SignedPayload p = e.material().get(0);
    Vote vote =
        SignedVotes.decode(p.payload())
            .orElseThrow(
                () ->
                    new EvidenceRejectedException(
                        "material[0].payload",
                        p.payload().length + " bytes",
                        "is not a vote's signed bytes"));
    if (vote.voter().equals(accused.nodeId())) {
      throw new EvidenceRejectedException(
          "material[0].payload",
          "a vote by " + vote.voter(),
          "is in the accused's own name: a forgery claims another node");
    }
    if (!vote.voter().equals(p.signerNodeId())) {
      throw new EvidenceRejectedException(
          "material[0].signerNodeId",
          p.signerNodeId(),
          "must be the voter the vote names, " + vote.voter());
    }
    NodeInfo claimed = known.apply("material[0].signerNodeId", vote.voter());
    if (NodeKeys.verify(claimed.publicKey(), p.payload(), p.signature())) {
      throw new EvidenceRejectedException(
          "material[0].signature",
          p.signature().length + " bytes",
          "verifies with the key of " + claimed.nodeId() + ", so the message is not forged");
    }
    if (!NodeKeys.verify(accused.publicKey(), p.payload(), p.signature())) {
      throw new EvidenceRejectedException(
          "material[0].signature",
          p.signature().length + " bytes",
          "does not verify with the key of the accused "
              + accused.nodeId()
              + ": nothing ties the forgery to it");
    }
    subjectIs(e, vote.proposalId());
  }

  private static void payloads(Evidence e, int count, String what) {
    if (e.material().size() != count) {
      throw new EvidenceRejectedException(
          "material", e.material().size() + " payloads", "must be exactly " + count + ": " + what);
    }
  }

  private static Vote signedVote(Evidence e, NodeInfo accused, int i) {
    signedBy(e, accused, i);
    Vote vote =
        SignedVotes.decode(e.material().get(i).payload())
            .orElseThrow(
                () ->
                    new EvidenceRejectedException(
                        "material[" + i + "].payload",
                        e.material().get(i).payload().length + " bytes",
                        "is not a vote's signed bytes"));
    if (!vote.voter().equals(accused.nodeId())) {
      throw new EvidenceRejectedException(
          "material[" + i + "].payload",
          "a vote by " + vote.voter(),
          "must be a vote by the accused " + accused.nodeId());
    }
    return vote;
  }

  private static void signedBy(Evidence e, NodeInfo accused, int i) {
    SignedPayload p = e.material().get(i);
    if (!accused.nodeId().equals(p.signerNodeId())) {
      throw new EvidenceRejectedException(
          "material[" + i + "].signerNodeId",
          p.signerNodeId(),
          "must be the accused node " + accused.nodeId());
    }
    if (!NodeKeys.verify(accused.publicKey(), p.payload(), p.signature())) {
      throw new EvidenceRejectedException(
          "material[" + i + "].signature",
          p.signature().length + " bytes",
          "does not verify with the registered public key of the accused " + accused.nodeId());
    }
  }

  private static void subjectIs(Evidence e, String expected) {
    if (!expected.equals(e.subject())) {
      throw new EvidenceRejectedException(
          "subject", e.subject(), "must be what the material is about, " + expected);
    }
  }
}
