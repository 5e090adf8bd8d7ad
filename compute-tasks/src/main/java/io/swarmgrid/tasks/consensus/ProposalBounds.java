package io.swarmgrid.tasks.consensus;

import io.swarmgrid.storage.consensus.ProposalRequest;

/**
 * Size bounds of a proposal request that its other checks leave open (issue 13): option label
 * length and the length of an explicit electorate, checked before the registry is read for it.
 */
final class ProposalBounds {
  private ProposalBounds() {}

  /** Refuses {@code r} naming the field and its size if a label or the electorate is too long. */
  static void check(ProposalRequest r) {
    for (int i = 0; i < r.options().size(); i++) {
      String label = r.options().get(i);
      if (label.length() > ProposalRequest.MAX_OPTION_CHARS) {
        throw new IllegalArgumentException(
            "options["
                + i
                + "]: '"
                + label.substring(0, 32)
                + "...' is "
                + label.length()
                + " characters, over "
                + ProposalRequest.MAX_OPTION_CHARS);
      }
    }
    if (r.electorate().size() > ProposalRequest.MAX_ELECTORATE) {
      throw new IllegalArgumentException(
          "electorate: "
              + r.electorate().size()
              + " node ids is over "
              + ProposalRequest.MAX_ELECTORATE);
    }
  }
}
