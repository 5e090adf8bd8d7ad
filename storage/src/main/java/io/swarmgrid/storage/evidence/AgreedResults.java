package io.swarmgrid.storage.evidence;

/**
 * The grid's record of redundant work, against which {@link EvidenceKind#DISAGREEING_RESULT} is
 * checked: a result only counts as disagreeing if the grid recorded it next to an agreed result it
 * differs from. The storage layer knows no engine's records; the engine that runs redundant work
 * supplies this (diffusion: {@code io.swarmgrid.tasks.diffusion.ShareResults}).
 */
@FunctionalInterface
public interface AgreedResults {
  /** No record of redundant work: every disagreeing-result evidence is refused. */
  AgreedResults NONE =
      statement -> {
        throw new IllegalArgumentException(
            "cannot be checked: this member knows no agreed results (is the diffusion engine on?)");
      };

  /**
   * Checks that {@code statement} (a result statement, exactly as its author signed it) was
   * recorded for a piece of work whose agreed result it differs from.
   *
   * @return the subject the statement is about, which the evidence must name
   * @throws IllegalArgumentException saying why it is no disagreement (unknown work, no agreed
   *     result yet, not a recorded copy, agrees with the result)
   */
  String disagreement(byte[] statement);
}
