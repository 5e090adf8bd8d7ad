package io.swarmgrid.storage.consensus;

/**
 * Evidence that a voter signed two different votes on one proposal ({@code swarm.evidence}). Both
 * votes carry the voter's own signature, so anyone can check the evidence with the voter's public
 * key. Compact type name {@code swarmgrid.EquivocationEvidence}.
 *
 * @param id {@code equivocation:<proposal>:<voter>}, so that it is stored once
 * @param proposalId the proposal
 * @param voter the equivocating voter
 * @param first the vote that counted
 * @param second the different vote that did not
 * @param recordedBy node id of the member that recorded it
 * @param recordedAt epoch millis
 */
public record EquivocationEvidence(
    String id, String proposalId, String voter, Vote first, Vote second, String recordedBy, long recordedAt)
    implements java.io.Serializable {

  /** The evidence id of {@code voter} on {@code proposalId}. */
  public static String idOf(String proposalId, String voter) {
    return "equivocation:" + proposalId + ":" + voter;
  }
}
