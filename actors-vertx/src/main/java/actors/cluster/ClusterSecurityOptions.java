package actors.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Who may speak as a node of the cluster, as Erlang's cookie decides: a node that does not hold
 * the cluster's secret reaches none of its actors. With a secret, every batch of frames between
 * nodes is encrypted and tagged (AES-GCM, under a key derived from the secret) with its
 * sequence number and the receiving node, so a
 * batch from elsewhere, a changed one, or a captured one replayed is refused (a dead letter that
 * says why); the entries the system writes to the cluster manager (registry, hosts of sharded
 * types and singletons, shard leases) are signed with it too, and unsigned ones are ignored.
 *
 * <p>A clustered system needs a secret, or an event bus with TLS and client authentication
 * ({@code ClientAuth.REQUIRED}) in the {@code VertxOptions} it is built with; with neither it
 * refuses to start, unless {@link #setInsecureForDevelopment} says so by name.
 *
 * <p>Key rotation, two keys accepted during a roll: first give every node the new secret with
 * {@link #addAcceptedSecret}; then, node by node, make it the {@link #setSecret} and keep the old
 * one accepted; last, drop the old one everywhere. Secrets never appear in {@link #toJson()} or
 * {@link #toString()}.
 */
public class ClusterSecurityOptions {

  /** The shortest secret accepted, in bytes of its UTF-8 form: {@value} (128 bits). */
  public static final int MIN_SECRET_BYTES = 16;

  private byte[] secret;
  private final List<byte[]> acceptedSecrets = new ArrayList<>();
  private boolean insecureForDevelopment;

  /** No secret, and not insecure: a clustered system with these needs event-bus TLS with client authentication. */
  public ClusterSecurityOptions() {
  }

  /** A copy of {@code other}. */
  public ClusterSecurityOptions(ClusterSecurityOptions other) {
    this.secret = other.secret;
    this.acceptedSecrets.addAll(other.acceptedSecrets);
    this.insecureForDevelopment = other.insecureForDevelopment;
  }

  /**
   * Options from JSON: {@code secret} (string), {@code acceptedSecrets} (array of strings),
   * {@code insecureForDevelopment} (boolean).
   *
   * @throws IllegalArgumentException if a secret is too short
   */
  public ClusterSecurityOptions(JsonObject json) {
    String value = json.getString("secret");
    if (value != null) {
      setSecret(value);
    }
    JsonArray accepted = json.getJsonArray("acceptedSecrets");
    if (accepted != null) {
      accepted.forEach(each -> addAcceptedSecret((String) each));
    }
    setInsecureForDevelopment(json.getBoolean("insecureForDevelopment", false));
  }

  /** These options as JSON without the secrets: only whether there are any. */
  public JsonObject toJson() {
    return new JsonObject().put("hasSecret", secret != null).put("acceptedSecretCount", acceptedSecrets.size())
        .put("insecureForDevelopment", insecureForDevelopment);
  }

  /** The secret this node signs with, as UTF-8 bytes (a copy); null if none. */
  public byte[] getSecret() {
    return secret == null ? null : secret.clone();
  }

  /**
   * Sets the secret this node signs with (and accepts), shared by every node of the cluster:
   * at least {@value #MIN_SECRET_BYTES} bytes in UTF-8, best 32 random bytes in Base64 from your
   * secret store. Every node must hold it, or accept it, to talk to this one.
   *
   * @throws IllegalArgumentException if shorter than {@value #MIN_SECRET_BYTES} bytes
   */
  public ClusterSecurityOptions setSecret(String secret) {
    this.secret = checked(secret, "secret");
    return this;
  }

  /** The secrets accepted besides {@link #getSecret()} (copies), for a key roll. */
  public List<byte[]> getAcceptedSecrets() {
    return Collections.unmodifiableList(acceptedSecrets.stream().map(byte[]::clone).toList());
  }

  /**
   * Accepts batches and entries signed with {@code secret} as well as with {@link #setSecret}'s,
   * during a key roll (see the class comment). Accepted secrets sign nothing.
   *
   * @throws IllegalArgumentException if shorter than {@value #MIN_SECRET_BYTES} bytes
   */
  public ClusterSecurityOptions addAcceptedSecret(String secret) {
    acceptedSecrets.add(checked(secret, "accepted secret"));
    return this;
  }

  /** Whether a clustered system may start with neither a secret nor event-bus TLS with client authentication. */
  public boolean isInsecureForDevelopment() {
    return insecureForDevelopment;
  }

  /**
   * Lets a clustered system start with neither a secret nor event-bus TLS with client
   * authentication, for development on one machine: anyone who reaches a node's event-bus port
   * can then speak as any member. The system logs a warning when it starts so.
   */
  public ClusterSecurityOptions setInsecureForDevelopment(boolean insecureForDevelopment) {
    this.insecureForDevelopment = insecureForDevelopment;
    return this;
  }

  private static byte[] checked(String secret, String what) {
    byte[] bytes = Objects.requireNonNull(secret, what).getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the cluster's " + what + " must be at least " + MIN_SECRET_BYTES
          + " bytes in UTF-8, was " + bytes.length);
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "ClusterSecurityOptions" + toJson().encode();
  }
}
