package io.swarmgrid.config;

/**
 * A SwarmGrid configuration value that cannot be used. The message names the key path, the value
 * and what is allowed, e.g. {@code swarmgrid.node.tier: 'satellite' is not allowed; allowed: edge,
 * edge-server, cloud}.
 */
public final class SwarmConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String keyPath;
  private final String value;
  private final String allowed;

  /**
   * @param keyPath dotted path of the key, e.g. {@code swarmgrid.node.capacity.cpu-cores}
   * @param value the offending value as written, or {@code null} when the key was missing
   * @param allowed what would have been accepted, in words
   */
  public SwarmConfigException(String keyPath, Object value, String allowed) {
    this(keyPath, value, allowed, null);
  }

  /** As {@link #SwarmConfigException(String, Object, String)}, keeping the underlying cause. */
  public SwarmConfigException(String keyPath, Object value, String allowed, Throwable cause) {
    super(format(keyPath, value, allowed), cause);
    this.keyPath = keyPath;
    this.value = value == null ? null : String.valueOf(value);
    this.allowed = allowed;
  }

  private SwarmConfigException(SwarmConfigException original, String prefix, String source) {
    super(
        format(join(prefix, original.keyPath), original.value, original.allowed)
            + (source == null || source.isEmpty() ? "" : " (in " + source + ")"),
        original.getCause());
    this.keyPath = join(prefix, original.keyPath);
    this.value = original.value;
    this.allowed = original.allowed;
  }

  /** The same error with its key path placed under {@code prefix} and the config source named. */
  public SwarmConfigException under(String prefix, String source) {
    return new SwarmConfigException(this, prefix, source);
  }

  /** Dotted path of the key that is wrong. */
  public String keyPath() {
    return keyPath;
  }

  /** The value as written, or {@code null} if it was missing. */
  public String value() {
    return value;
  }

  /** What the key accepts. */
  public String allowed() {
    return allowed;
  }

  private static String join(String prefix, String path) {
    if (prefix == null || prefix.isEmpty()) {
      return path;
    }
    return path == null || path.isEmpty() ? prefix : prefix + "." + path;
  }

  private static String format(String keyPath, Object value, String allowed) {
    String shown = value == null ? "missing" : "'" + value + "'";
    return "invalid SwarmGrid config "
        + keyPath
        + ": "
        + shown
        + " is not allowed; allowed: "
        + allowed;
  }
}
