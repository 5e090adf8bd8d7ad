package io.swarmgrid.tasks.swarm.tsp;

/** A TSPLIB file that cannot be read; the message names the file, the line and what is wrong. */
public final class TsplibFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;

  TsplibFormatException(String source, int line, String problem) {
    super(source + " line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
