package io.swarmgrid.plugin.http.internal;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the bearer token. Both sides are hashed first and compared with {@link
 * MessageDigest#isEqual}, so the time taken says nothing about the token, not even its length. A
 * refusal is a bare 401: no hint of what was wrong.
 */
public final class TokenGate {
  // Cloned per check: MessageDigest.getInstance walks the security providers on every call.
  private final MessageDigest prototype = newSha256();
  private final byte[] expected;

  /** A gate for {@code token}. */
  public TokenGate(String token) {
    this.expected = sha256(token);
  }

  /** Refuses the request with 401 unless it carries the token in {@code Authorization}. */
  public void requireHeader(Context ctx) {
    if (!matches(bearer(ctx))) {
      throw unauthorized(ctx);
    }
  }

  /**
   * Like {@link #requireHeader}, also taking {@code ?token=}: browsers cannot set a header on a
   * page load or an {@code EventSource}.
   */
  public void requireHeaderOrQuery(Context ctx) {
    String given = bearer(ctx);
    if (given == null) {
      given = ctx.queryParam("token");
    }
    if (!matches(given)) {
      throw unauthorized(ctx);
    }
  }

  boolean matches(String given) {
    return given != null && MessageDigest.isEqual(expected, sha256(given));
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).strip();
  }

  private static UnauthorizedResponse unauthorized(Context ctx) {
    ctx.header("WWW-Authenticate", "Bearer");
    return new UnauthorizedResponse("");
  }

  private byte[] sha256(String s) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      digest = newSha256();
    }
    return digest.digest(s.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
