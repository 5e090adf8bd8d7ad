package io.swarmgrid.config;

import static io.swarmgrid.config.internal.Checks.range;

import java.util.Objects;

/**
 * The member's HTTP API, health probes, Prometheus metrics and dashboard ({@code swarmgrid.http}).
 * Off unless enabled; when enabled every API and dashboard request needs the token.
 *
 * @param enabled whether this member serves HTTP
 * @param port port of the HTTP server, 0 (any free port) or 1..65535
 * @param token the bearer token of the API and dashboard; required (non-blank) when enabled
 * @param maxBodyBytes largest request body accepted, in bytes; a larger one is refused with 413,
 *     1024..67108864
 * @param pageSizeLimit most items one page of a list holds, 1..100000
 */
public record HttpConfig(
    boolean enabled, int port, String token, int maxBodyBytes, int pageSizeLimit) {

  /** The defaults of the bundled {@code swarmgrid-default.yaml}: off. */
  public static final HttpConfig DEFAULTS = new HttpConfig(false, 8080, "", 1_048_576, 1000);

  /** Validates every field. */
  public HttpConfig {
    range("port", port, 0, 65_535);
    range("max-body-bytes", maxBodyBytes, 1024, 64 * 1024 * 1024);
    range("page-size-limit", pageSizeLimit, 1, 100_000);
    token = token == null ? "" : token;
    if (enabled && token.isBlank()) {
      throw new SwarmConfigException("token", token, "a non-empty token when enabled is true");
    }
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder(DEFAULTS);
  }

  /** A builder starting from {@code base}. */
  public static Builder from(HttpConfig base) {
    return new Builder(Objects.requireNonNull(base, "base"));
  }

  /** The defaults (the same as {@link #DEFAULTS}). */
  public static HttpConfig ofDefaults() {
    return DEFAULTS;
  }

  @Override
  public String toString() {
    return "HttpConfig[enabled="
        + enabled
        + ", port="
        + port
        + ", token=(hidden), maxBodyBytes="
        + maxBodyBytes
        + ", pageSizeLimit="
        + pageSizeLimit
        + "]";
  }

  /** Builds an {@link HttpConfig}; each setter rejects a bad value at once. */
  public static final class Builder {
    private static final String PATH = "swarmgrid.http";

    private boolean enabled;
    private int port;
    private String token;
    private int maxBodyBytes;
    private int pageSizeLimit;

    private Builder(HttpConfig c) {
      enabled = c.enabled;
      port = c.port;
      token = c.token;
      maxBodyBytes = c.maxBodyBytes;
      pageSizeLimit = c.pageSizeLimit;
    }

    /** Whether this member serves HTTP; needs a token. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Port of the HTTP server, 0 (any free port) or 1..65535. */
    public Builder port(int port) {
      this.port = range(PATH + ".port", port, 0, 65_535);
      return this;
    }

    /** The bearer token of the API and dashboard; required when enabled. */
    public Builder token(String token) {
      this.token = token == null ? "" : token;
      return this;
    }

    /** Largest request body accepted, in bytes, 1024..67108864. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = range(PATH + ".max-body-bytes", maxBodyBytes, 1024, 64 * 1024 * 1024);
      return this;
    }

    /** Most items one page of a list holds, 1..100000. */
    public Builder pageSizeLimit(int pageSizeLimit) {
      this.pageSizeLimit = range(PATH + ".page-size-limit", pageSizeLimit, 1, 100_000);
      return this;
    }

    /** The config; enabled without a token is refused naming the key. */
    public HttpConfig build() {
      try {
        return new HttpConfig(enabled, port, token, maxBodyBytes, pageSizeLimit);
      } catch (SwarmConfigException e) {
        throw e.under(PATH, "");
      }
    }
  }
}
