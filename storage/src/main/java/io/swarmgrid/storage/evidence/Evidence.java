package io.swarmgrid.storage.evidence;

import io.swarmgrid.storage.identity.NodeKeys;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Signed evidence of misbehaviour ({@code swarm.evidence}), reported by one node against another.
 * Compact type name {@code swarmgrid.Evidence}. Build it with {@link #sign}; {@link EvidenceStore}
 * verifies it before it counts.
 *
 * <p>The id is the SHA-256 of the material (kind, accused and the hashes of the signed payloads, in
 * sorted order), not of who reports it, when, or what subject it names: the same signed messages
 * reported by several nodes, twice, or under other subjects are one piece of evidence and cost the
 * accused once. The subject is checked against the material instead (see {@link EvidenceKind}).
 *
 * @param evidenceId hex SHA-256 of the material (see {@link #idOf})
 * @param kind what the accused is accused of
 * @param accusedNodeId the node accused
 * @param reporterNodeId the node that reports and signs the evidence
 * @param subject what the misbehaviour is about, as the material says (a proposal id, a chunk)
 * @param reportedAt epoch millis when the reporter signed it
 * @param material the signed messages that show the misbehaviour
 * @param reporterSignature the reporter's Ed25519 signature over {@link #signingBytes()}
 */
public record Evidence(
    String evidenceId,
    EvidenceKind kind,
    String accusedNodeId,
    String reporterNodeId,
    String subject,
    long reportedAt,
    List<SignedPayload> material,
    byte[] reporterSignature) {

  private static final String DOMAIN = "swarmgrid.evidence.v1";

  /** Copies the list and array; fields are checked by {@link EvidenceStore#verify}, not here. */
  public Evidence {
    material = material == null ? List.of() : List.copyOf(material);
    reporterSignature = reporterSignature == null ? new byte[0] : reporterSignature.clone();
  }

  /**
   * New evidence signed by the reporter.
   *
   * @param reporterKeys the reporter's key pair (its public key is in the node registry)
   */
  public static Evidence sign(
      EvidenceKind kind,
      String accusedNodeId,
      String subject,
      List<SignedPayload> material,
      String reporterNodeId,
      NodeKeys reporterKeys,
      long reportedAt) {
    String id = idOf(kind, accusedNodeId, material);
    Evidence unsigned =
        new Evidence(id, kind, accusedNodeId, reporterNodeId, subject, reportedAt, material, null);
    return new Evidence(
        id,
        kind,
        accusedNodeId,
        reporterNodeId,
        subject,
        reportedAt,
        material,
        reporterKeys.sign(unsigned.signingBytes()));
  }

  /** The id of evidence: hex SHA-256 over kind, accused and the sorted payload hashes. */
  public static String idOf(EvidenceKind kind, String accusedNodeId, List<SignedPayload> material) {
    List<String> hashes = new ArrayList<>();
    for (SignedPayload p : material) {
      hashes.add(hex(sha256(p.payload())));
    }
    hashes.sort(null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(DOMAIN + ".id.v2");
      out.writeUTF(String.valueOf(kind));
      out.writeUTF(String.valueOf(accusedNodeId));
      out.writeInt(hashes.size());
      for (String h : hashes) {
        out.writeUTF(h);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hex(sha256(bytes.toByteArray()));
  }

  /**
   * The canonical bytes the reporter signs: a domain tag, then every field but the signature, each
   * length-prefixed, in a fixed order.
   */
  public byte[] signingBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(DOMAIN);
      writeString(out, evidenceId);
      writeString(out, String.valueOf(kind));
      writeString(out, accusedNodeId);
      writeString(out, reporterNodeId);
      writeString(out, subject);
      out.writeLong(reportedAt);
      out.writeInt(material.size());
      for (SignedPayload p : material) {
        writeString(out, p.signerNodeId());
        writeBytes(out, p.payload());
        writeBytes(out, p.signature());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Total size of the signed payloads, in bytes. */
  public long materialBytes() {
    long n = 0;
    for (SignedPayload p : material) {
      n += p.payload().length + p.signature().length;
    }
    return n;
  }

  /** A copy of the reporter's signature. */
  @Override
  public byte[] reporterSignature() {
    return reporterSignature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evidence e
        && Objects.equals(evidenceId, e.evidenceId)
        && kind == e.kind
        && Objects.equals(accusedNodeId, e.accusedNodeId)
        && Objects.equals(reporterNodeId, e.reporterNodeId)
        && Objects.equals(subject, e.subject)
        && reportedAt == e.reportedAt
        && material.equals(e.material)
        && Arrays.equals(reporterSignature, e.reporterSignature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        evidenceId, kind, accusedNodeId, reporterNodeId, subject, reportedAt, material);
  }

  @Override
  public String toString() {
    return "Evidence["
        + evidenceId
        + ", "
        + kind
        + ", accused="
        + accusedNodeId
        + ", reporter="
        + reporterNodeId
        + ", subject="
        + subject
        + ", material="
        + material.size()
        + "]";
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, String.valueOf(s).getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }
}
