package actors.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A text as 64 bits that every node computes alike: the first 8 bytes of its SHA-256. */
public final class Fingerprint {

  private Fingerprint() {
  }

  /** The fingerprint of {@code text}, encoded as UTF-8. */
  public static long of(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
