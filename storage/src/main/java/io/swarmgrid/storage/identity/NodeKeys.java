package io.swarmgrid.storage.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A node's Ed25519 key pair (Bouncy Castle, which signs about 20x faster than the JDK's here). The
 * private key lives in a file on the node, owner-readable only; only {@link #publicKey()} goes to
 * the grid.
 */
public final class NodeKeys {
  /** Length of a raw Ed25519 public key, in bytes. */
  public static final int PUBLIC_KEY_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;

  /** Length of an Ed25519 signature, in bytes. */
  public static final int SIGNATURE_BYTES = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

  private static final String HEADER = "swarmgrid-ed25519-private-key ";

  /** Most decoded public keys kept; the cache is emptied when it grows past this. */
  private static final int DECODED_KEYS = 4096;

  // Decoding a public key (a point decompression) costs about half a verification; voters sign many
  // votes with one key, so decoded keys are kept.
  private static final Map<ByteBuffer, Ed25519PublicKeyParameters> DECODED =
      new ConcurrentHashMap<>();

  private final Ed25519PrivateKeyParameters privateKey;
  private final byte[] publicKey;

  private NodeKeys(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.generatePublicKey().getEncoded();
  }

  /** A fresh key pair that lives only in memory. */
  public static NodeKeys generate() {
    return new NodeKeys(new Ed25519PrivateKeyParameters(new SecureRandom()));
  }

  /**
   * The key pair in {@code file}, created there (with its folders, owner-only permissions) when the
   * file does not exist yet.
   *
   * @throws IllegalArgumentException if the file exists but is not a SwarmGrid key file
   */
  public static NodeKeys loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!text.startsWith(HEADER)) {
          throw new IllegalArgumentException(
              "key file " + file + " is not a SwarmGrid Ed25519 key file");
        }
        byte[] raw;
        try {
          raw = Base64.getDecoder().decode(text.substring(HEADER.length()).trim());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("key file " + file + " holds no valid base64 key", e);
        }
        if (raw.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
          throw new IllegalArgumentException(
              "key file "
                  + file
                  + " holds "
                  + raw.length
                  + " key bytes; expected "
                  + Ed25519PrivateKeyParameters.KEY_SIZE);
        }
        return new NodeKeys(new Ed25519PrivateKeyParameters(raw, 0));
      }
      NodeKeys keys = generate();
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".key", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(
          tmp, HEADER + Base64.getEncoder().encodeToString(keys.privateKey.getEncoded()) + "\n");
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create key file " + file, e);
    }
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Signs {@code message}; the signature is {@value #SIGNATURE_BYTES} bytes. */
  public byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  private static Ed25519PublicKeyParameters decoded(byte[] publicKey) {
    ByteBuffer key = ByteBuffer.wrap(publicKey.clone());
    Ed25519PublicKeyParameters params = DECODED.get(key);
    if (params == null) {
      if (DECODED.size() >= DECODED_KEYS) {
        DECODED.clear();
      }
      params = new Ed25519PublicKeyParameters(publicKey, 0);
      DECODED.put(key, params);
    }
    return params;
  }

  /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null
        || publicKey.length != PUBLIC_KEY_BYTES
        || signature == null
        || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, decoded(publicKey));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}
