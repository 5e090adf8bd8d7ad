package io.swarmgrid.tasks.workload.logs.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks the well-known variables of log content before template mining (as Drain's users do with
 * their per-system regular expressions): block ids, UUIDs, IP addresses with their ports, hex
 * numbers, long hex ids and numbers, each replaced by {@link #WILDCARD}; white space collapsed to
 * single spaces. Order matters: an IP must go before its numbers are masked one by one.
 */
public final class Masking {
  /** A variable: a masked value or a position Drain found to vary. */
  public static final String WILDCARD = "<*>";

  private static final String EDGE_BEFORE = "(?<![A-Za-z0-9_.])";
  private static final String EDGE_AFTER = "(?![A-Za-z0-9_])";
  private static final List<Pattern> VARIABLES =
      List.of(
          Pattern.compile("blk_-?\\d+"),
          Pattern.compile(
              "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
          // also inside a host name such as host129.206.196.21.example.com
          Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?(?!\\d)"),
          Pattern.compile(EDGE_BEFORE + "0x[0-9a-fA-F]+" + EDGE_AFTER),
          Pattern.compile(EDGE_BEFORE + "(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}" + EDGE_AFTER),
          Pattern.compile(EDGE_BEFORE + "[-+]?\\d+(?:[.,:]\\d+)*" + EDGE_AFTER));
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Masking() {}

  /** The content with its variables masked, tokens separated by single spaces. */
  public static String mask(String content) {
    String masked = content;
    for (Pattern variable : VARIABLES) {
      masked = variable.matcher(masked).replaceAll(WILDCARD);
    }
    return SPACES.matcher(masked.strip()).replaceAll(" ");
  }
}
