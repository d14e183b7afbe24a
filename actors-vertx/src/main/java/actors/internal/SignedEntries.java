package actors.internal;

import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The entries a system writes to the cluster manager's maps (registry, hosts, leases), signed
 * with the cluster secret: {@code s1.<key id>.<MAC>.<value>}, the MAC over the map's name, the
 * entry's key and its value, so that an entry cannot be forged, nor moved to another key or map,
 * by a member without the secret. Without a secret, entries are stored as they are.
 */
public final class SignedEntries {

  /** Entries as they are: no secret. */
  public static final SignedEntries UNSIGNED = new SignedEntries(null);

  private static final String VERSION = "s1.";
  // "s1." + 8 hex digits + "." + 43 Base64 characters + "."
  private static final int PREFIX_LENGTH = VERSION.length() + 8 + 1 + 43 + 1;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  // Tries to take a key whose forged entries keep coming back, before the put fails.
  private static final int FORGED_TRIES = 3;

  private final ClusterKeys keys;

  private SignedEntries(ClusterKeys keys) {
    this.keys = keys;
  }

  /** Entries signed with {@code keys}; {@link #UNSIGNED} if null. */
  public static SignedEntries with(ClusterKeys keys) {
    return keys == null ? UNSIGNED : new SignedEntries(keys);
  }

  /** What to store for {@code value} under {@code key} in the map {@code map}. */
  public String sign(String map, String key, String value) {
    if (keys == null) {
      return value;
    }
    int id = keys.signingId();
    return VERSION + String.format("%08x", id) + "." + mac(keys.signer(), map, key, value) + "." + value;
  }

  /** The value of {@code stored}, found under {@code key} in {@code map}; null if it is not signed with an accepted key. */
  public String open(String map, String key, String stored) {
    if (keys == null || stored == null) {
      return stored;
    }
    if (stored.length() < PREFIX_LENGTH || !stored.startsWith(VERSION) || stored.charAt(PREFIX_LENGTH - 1) != '.') {
      return null;
    }
    int id;
    try {
      id = Integer.parseUnsignedInt(stored, VERSION.length(), VERSION.length() + 8, 16);
    } catch (NumberFormatException e) {
      return null;
    }
    Mac verifier = keys.verifier(id);
    if (verifier == null) {
      return null;
    }
    String value = stored.substring(PREFIX_LENGTH);
    byte[] expected = mac(verifier, map, key, value).getBytes(StandardCharsets.US_ASCII);
    byte[] given = stored.substring(PREFIX_LENGTH - 44, PREFIX_LENGTH - 1).getBytes(StandardCharsets.US_ASCII);
    return java.security.MessageDigest.isEqual(expected, given) ? value : null;
  }

  /**
   * Stores {@code entry}, made by {@link #sign}, at {@code key} of {@code entries} (the map named
   * {@code map}) unless a validly signed entry is there: completes with that entry's value, or
   * with null once {@code entry} is stored. An entry without a valid signature is replaced; one
   * that keeps coming back fails the put after a few tries.
   */
  public Future<String> putIfAbsent(AsyncMap<String, String> entries, String map, String key, String entry) {
    return putIfAbsent(entries, map, key, entry, FORGED_TRIES);
  }

  private Future<String> putIfAbsent(AsyncMap<String, String> entries, String map, String key, String entry,
                                     int tries) {
    return entries.putIfAbsent(key, entry).compose(previous -> {
      String value = open(map, key, previous);
      if (previous == null || value != null) {
        return Future.succeededFuture(value);
      }
      if (tries == 0) {
        return Future.failedFuture(new IllegalStateException("'" + key + "' in " + map
            + " keeps being written without the cluster secret"));
      }
      return entries.replaceIfPresent(key, previous, entry)
          .compose(replaced -> replaced ? Future.succeededFuture(null) : putIfAbsent(entries, map, key, entry, tries - 1));
    });
  }

  private static String mac(Mac mac, String map, String key, String value) {
    update(mac, map);
    update(mac, key);
    update(mac, value);
    return BASE64.encodeToString(mac.doFinal());
  }

  /** The length first, so that no two (map, key, value) read as the same bytes. */
  private static void update(Mac mac, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
    mac.update(bytes);
  }
}
