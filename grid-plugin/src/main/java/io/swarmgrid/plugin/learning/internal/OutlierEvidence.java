package io.swarmgrid.plugin.learning.internal;

import io.swarmgrid.storage.evidence.AgreedResults;
import io.swarmgrid.storage.evidence.Evidence;
import io.swarmgrid.storage.evidence.EvidenceKind;
import io.swarmgrid.storage.evidence.EvidenceRejectedException;
import io.swarmgrid.storage.evidence.EvidenceStore;
import io.swarmgrid.storage.evidence.SignedPayload;
import io.swarmgrid.storage.learning.LearningStore;
import io.swarmgrid.storage.learning.RoundReport;
import io.swarmgrid.storage.learning.SignedUpdate;
import io.swarmgrid.storage.reputation.ReputationRule;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files an update that lay far from a round's robust aggregate as {@link
 * EvidenceKind#DISAGREEING_RESULT} against its participant, with the participant's signed statement
 * as material. It is checked like diffusion's outvoted copies: this class is also the {@link
 * AgreedResults} that says the statement is one the round's report names as an outlier. No new
 * evidence kind: an outlying update is a result that differs from the agreed one.
 */
final class OutlierEvidence implements AgreedResults {
  private static final Logger LOG = LoggerFactory.getLogger(OutlierEvidence.class);

  private final LearningContext ctx;
  private final LearningStore store;
  private final EvidenceStore evidence;

  OutlierEvidence(LearningContext ctx) {
    this.ctx = ctx;
    this.store = ctx.store();
    var config = ctx.node().config();
    this.evidence =
        new EvidenceStore(
            ctx.hz(),
            ReputationRule.of(config.fault()),
            config.fault().maxEvidenceMaterialBytes(),
            this,
            config.storage().maxEntriesPerMember());
  }

  @Override
  public String disagreement(byte[] statement) {
    SignedUpdate.Statement s =
        SignedUpdate.decode(statement)
            .orElseThrow(() -> new IllegalArgumentException("is not a learning update statement"));
    RoundReport report =
        store
            .report(s.jobId(), s.round())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "round " + s.round() + " of " + s.jobId() + " has no report"));
    if (report.attempt() != s.attempt()) {
      throw new IllegalArgumentException(
          "attempt " + s.attempt() + " is not the aggregated attempt " + report.attempt());
    }
    if (!report.outliers().contains(s.participant())) {
      throw new IllegalArgumentException(
          s.participant() + " is not an outlier of round " + s.round() + " of " + s.jobId());
    }
    return RoundReport.subject(s.jobId(), s.round(), s.participant());
  }

  /** Files evidence against each outlier of {@code report}; returns how many counted. */
  int file(RoundReport report, Map<String, SignedUpdate> updates) {
    int counted = 0;
    for (String participant : report.outliers()) {
      SignedUpdate u = updates.get(participant);
      try {
        Evidence e =
            Evidence.sign(
                EvidenceKind.DISAGREEING_RESULT,
                participant,
                RoundReport.subject(report.jobId(), report.round(), participant),
                List.of(new SignedPayload(participant, u.statement(), u.signature())),
                ctx.node().nodeId(),
                ctx.node().keys(),
                System.currentTimeMillis());
        EvidenceStore.Submission s = evidence.submit(e, System.currentTimeMillis());
        if (s.counted()) {
          counted++;
          LOG.info(
              "learning: update of {} in round {} of {} lay far from the aggregate: evidence {}, reputation {}{}",
              participant,
              report.round(),
              report.jobId(),
              e.evidenceId(),
              s.accused().score(),
              s.accused().quarantined() ? ", quarantined" : "");
        }
      } catch (EvidenceRejectedException | IllegalStateException e) {
        LOG.warn("learning: evidence against {} refused: {}", participant, e.getMessage());
      }
    }
    return counted;
  }
}
