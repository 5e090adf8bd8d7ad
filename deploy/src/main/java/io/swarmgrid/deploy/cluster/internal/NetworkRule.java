package io.swarmgrid.deploy.cluster.internal;

import java.util.List;

/**
 * One network fault the members' link proxies apply: a cut between two sides, or latency added to
 * everything a node sends and receives.
 *
 * @param kind {@code CUT} or {@code SLOW}
 * @param sideA for a cut: the nodes of one side
 * @param sideB for a cut: the nodes of the other side
 * @param node for {@code SLOW}: the slowed node
 * @param latencyMillis for {@code SLOW}: the delay each direction's bytes are held
 * @param untilMillis epoch millis after which the rule no longer holds (so nothing stays cut if the
 *     CLI that set it dies); 0 for until healed
 */
public record NetworkRule(
    Kind kind,
    List<String> sideA,
    List<String> sideB,
    String node,
    long latencyMillis,
    long untilMillis) {

  /** What a rule does. */
  public enum Kind {
    CUT,
    SLOW
  }

  public NetworkRule {
    sideA = sideA == null ? List.of() : List.copyOf(sideA);
    sideB = sideB == null ? List.of() : List.copyOf(sideB);
  }

  /** Two sides that cannot reach each other. */
  public static NetworkRule cut(List<String> a, List<String> b, long untilMillis) {
    return new NetworkRule(Kind.CUT, a, b, null, 0, untilMillis);
  }

  /** Latency on every byte to and from {@code node}. */
  public static NetworkRule slow(String node, long latencyMillis, long untilMillis) {
    return new NetworkRule(Kind.SLOW, List.of(), List.of(), node, latencyMillis, untilMillis);
  }

  /** Whether it still holds at {@code nowMillis}. */
  public boolean holdsAt(long nowMillis) {
    return untilMillis == 0 || nowMillis < untilMillis;
  }

  /** Whether it cuts {@code x} from {@code y}. */
  public boolean cuts(String x, String y) {
    return kind == Kind.CUT
        && x != null
        && y != null
        && (sideA.contains(x) && sideB.contains(y) || sideB.contains(x) && sideA.contains(y));
  }

  /** The latency it adds between {@code x} and {@code y} ({@code y} may be a client: null). */
  public long latencyBetween(String x, String y) {
    return kind == Kind.SLOW && (node.equals(x) || node.equals(y)) ? latencyMillis : 0;
  }

  /** What {@code status} shows for {@code name}, or empty if the rule does not touch it. */
  public String describeFor(String name) {
    if (kind == Kind.SLOW) {
      return node.equals(name) ? "slow " + latencyMillis + "ms" : "";
    }
    List<String> other = sideA.contains(name) ? sideB : sideB.contains(name) ? sideA : List.of();
    return other.isEmpty() ? "" : "cut from " + String.join(",", other);
  }
}
