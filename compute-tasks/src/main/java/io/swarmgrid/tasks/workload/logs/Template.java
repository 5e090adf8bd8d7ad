package io.swarmgrid.tasks.workload.logs;

import io.swarmgrid.tasks.workload.logs.internal.Masking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A log template: content tokens with {@code <*>} where the lines it stands for vary.
 *
 * @param id the first 8 hex digits of the MD5 of {@code text} (as loghub names its events): the
 *     same template has the same id in every run
 * @param text the tokens separated by single spaces
 * @param parameters the (0-based) positions of the tokens that are exactly {@code <*>}
 */
public record Template(String id, String text, List<Integer> parameters) {
  /** Copies the positions. */
  public Template {
    parameters = List.copyOf(parameters);
  }

  /** The template with text {@code text}, its id and parameter positions derived from it. */
  public static Template of(String text) {
    List<Integer> parameters = new ArrayList<>();
    String[] tokens = text.isEmpty() ? new String[0] : text.split(" ");
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].equals(Masking.WILDCARD)) {
        parameters.add(i);
      }
    }
    return new Template(id(text), text, parameters);
  }

  private static String id(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
