package io.swarmgrid.deploy.cluster.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fault to throw at a local cluster.
 *
 * @param kind what to do
 * @param percent for {@code KILL_PERCENT}: the share of the cluster's nodes to kill, 1..100
 * @param nodes the nodes it touches (for a partition: side A, then side B in {@code otherSide})
 * @param otherSide a partition's side B; empty otherwise
 * @param duration how long a pause, partition or latency lasts; zero for until told otherwise
 * @param latency for {@code SLOW}: the added latency
 */
public record ChaosSpec(
    Kind kind,
    int percent,
    List<String> nodes,
    List<String> otherSide,
    Duration duration,
    Duration latency) {

  /** What a chaos spec does. */
  public enum Kind {
    KILL_PERCENT,
    KILL_NODE,
    PAUSE,
    PARTITION,
    SLOW
  }

  private static final Pattern PERCENT = Pattern.compile("(\\d{1,9})%");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

  public ChaosSpec {
    nodes = List.copyOf(nodes);
    otherSide = List.copyOf(otherSide);
  }

  /** {@code 30%} (a share of the nodes) or a node name. */
  public static ChaosSpec kill(String field, String what) {
    Matcher m = PERCENT.matcher(what == null ? "" : what.trim());
    if (m.matches()) {
      int percent = Integer.parseInt(m.group(1));
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException(
            field + ": '" + what + "' is not allowed; allowed: 1%..100% or a node name");
      }
      return new ChaosSpec(
          Kind.KILL_PERCENT, percent, List.of(), List.of(), Duration.ZERO, Duration.ZERO);
    }
    return new ChaosSpec(
        Kind.KILL_NODE, 0, List.of(node(field, what)), List.of(), Duration.ZERO, Duration.ZERO);
  }

  /** A pause of {@code node}, for {@code duration} (zero: until resumed). */
  public static ChaosSpec pause(String field, String node, Duration duration) {
    return new ChaosSpec(
        Kind.PAUSE, 0, List.of(node(field, node)), List.of(), duration, Duration.ZERO);
  }

  /** {@code A,B/C,D}: two sides that cannot reach each other. */
  public static ChaosSpec partition(String field, String sides, Duration duration) {
    String[] parts = sides == null ? new String[0] : sides.split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException(
          field + ": '" + sides + "' is not two sides; expected e.g. node-1,node-2/node-3,node-4");
    }
    return new ChaosSpec(
        Kind.PARTITION, 0, names(field, parts[0]), names(field, parts[1]), duration, Duration.ZERO);
  }

  /** Added latency on {@code node}, for {@code duration} (zero: until healed). */
  public static ChaosSpec slow(String field, String node, Duration latency, Duration duration) {
    return new ChaosSpec(Kind.SLOW, 0, List.of(node(field, node)), List.of(), duration, latency);
  }

  /**
   * The text form {@code inject --chaos} takes: {@code kill 50%}, {@code kill node-2}, {@code pause
   * node-2 10s}, {@code partition A,B/C,D 20s}, {@code slow node-2 200ms [20s]}.
   */
  public static ChaosSpec parse(String field, String text) {
    String[] w = text == null ? new String[0] : text.trim().split("\\s+");
    String verb = w.length == 0 ? "" : w[0];
    List<String> args = w.length == 0 ? List.of() : Arrays.asList(w).subList(1, w.length);
    return switch (verb) {
      case "kill" -> args.size() == 1 ? kill(field, args.get(0)) : null;
      case "pause" ->
          args.size() == 1 || args.size() == 2
              ? pause(
                  field,
                  args.get(0),
                  args.size() == 2 ? duration(field, args.get(1)) : Duration.ZERO)
              : null;
      case "partition" ->
          args.size() == 1 || args.size() == 2
              ? partition(
                  field,
                  args.get(0),
                  args.size() == 2 ? duration(field, args.get(1)) : Duration.ZERO)
              : null;
      case "slow" ->
          args.size() == 2 || args.size() == 3
              ? slow(
                  field,
                  args.get(0),
                  duration(field, args.get(1)),
                  args.size() == 3 ? duration(field, args.get(2)) : Duration.ZERO)
              : null;
      default -> null;
    };
  }

  /**
   * {@link #parse}, refusing a text it cannot read.
   *
   * @throws IllegalArgumentException naming the field, the text and the forms allowed
   */
  public static ChaosSpec require(String field, String text) {
    ChaosSpec spec = parse(field, text);
    if (spec == null) {
      throw new IllegalArgumentException(
          field
              + ": '"
              + text
              + "' is not a fault; allowed: 'kill 50%', 'kill NODE', 'pause NODE [10s]',"
              + " 'partition A,B/C,D [20s]', 'slow NODE 200ms [20s]'");
    }
    return spec;
  }

  /** {@code 200ms}, {@code 10s}, {@code 2m}. */
  public static Duration duration(String field, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          field + ": '" + text + "' is not a duration; expected e.g. 200ms, 10s, 2m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  private static List<String> names(String field, String list) {
    return Arrays.stream(list.split(",")).map(n -> node(field, n)).toList();
  }

  private static String node(String field, String name) {
    if (name == null || !name.trim().matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(field + ": '" + name + "' is not a node name");
    }
    return name.trim();
  }
}
