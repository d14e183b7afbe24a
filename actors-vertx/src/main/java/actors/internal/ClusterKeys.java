package actors.internal;

import actors.cluster.ClusterSecurityOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster secret's HMAC-SHA256 keys: the first signs, every one is accepted (two during a
 * key roll). They sign entries, and derive the keys that seal batches. Each key has an id, the first four bytes of a SHA-256 of it, which a signature
 * names so that the receiver tries one key, not all. {@code Mac}s are per thread and key.
 */
public final class ClusterKeys {

  private static final String ALGORITHM = "HmacSHA256";

  private final int[] ids;
  private final SecretKeySpec[] keys;
  private final ThreadLocal<Mac[]> macs;

  private ClusterKeys(List<byte[]> secrets) {
    this.ids = new int[secrets.size()];
    this.keys = new SecretKeySpec[secrets.size()];
    for (int i = 0; i < keys.length; i++) {
      ids[i] = idOf(secrets.get(i));
      keys[i] = new SecretKeySpec(secrets.get(i), ALGORITHM);
    }
    this.macs = ThreadLocal.withInitial(() -> new Mac[keys.length]);
  }

  /** The keys of {@code options}: its secret first, then the accepted ones; null if it has no secret. */
  public static ClusterKeys of(ClusterSecurityOptions options) {
    byte[] secret = options.getSecret();
    if (secret == null) {
      return null;
    }
    List<byte[]> secrets = new ArrayList<>();
    secrets.add(secret);
    secrets.addAll(options.getAcceptedSecrets());
    return new ClusterKeys(secrets);
  }

  /** The id of the key that signs. */
  public int signingId() {
    return ids[0];
  }

  /** This thread's MAC of the key that signs, reset. */
  public Mac signer() {
    return mac(0);
  }

  /** This thread's MAC of the accepted key with id {@code keyId}, reset; null if no accepted key has it. */
  public Mac verifier(int keyId) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == keyId) {
        return mac(i);
      }
    }
    return null;
  }

  private Mac mac(int index) {
    Mac[] mine = macs.get();
    Mac mac = mine[index];
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(keys[index]);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
      }
      mine[index] = mac;
    } else {
      mac.reset();
    }
    return mac;
  }

  private static int idOf(byte[] secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update("actors-cluster-key-id:".getBytes(StandardCharsets.UTF_8));
      byte[] hash = digest.digest(secret);
      return (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | hash[3] & 0xff;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
