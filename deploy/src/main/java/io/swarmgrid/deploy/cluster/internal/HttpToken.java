package io.swarmgrid.deploy.cluster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token of a local cluster's HTTP API and dashboard: drawn once per cluster directory
 * and kept in its {@code http-token} file (owner-only), so that a restarted cluster keeps it. The
 * tool's own node configs that hold it are owner-only too.
 */
public final class HttpToken {
  private HttpToken() {}

  /** The token file of the cluster in {@code dir}. */
  public static Path file(Path dir) {
    return dir.resolve("http-token");
  }

  /** The cluster's token, drawn and written first if there is none yet. */
  public static String ensure(Path dir) {
    Path file = file(dir);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(dir);
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.writeString(file, token + "\n");
      ownerOnly(file);
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  /** Makes {@code file} (the token, or a config holding it) readable by its owner only. */
  public static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own permissions protect it.
    }
  }
}
