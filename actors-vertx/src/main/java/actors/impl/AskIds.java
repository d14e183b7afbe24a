package actors.impl;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reply addresses of asks that leave the node: a counter enciphered by AES under a key drawn
 * once per JVM. AES is a permutation, so no two asks share an id; without the key, no one can
 * tell the next id from a random one. This costs a third of a {@link SecureRandom} draw, which
 * also takes a lock per call.
 */
final class AskIds {

  private static final HexFormat HEX = HexFormat.of();
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final SecretKeySpec KEY;
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AskIds::cipher);

  static {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    KEY = new SecretKeySpec(key, "AES");
  }

  private AskIds() {
  }

  /** {@code /temp/ask-} and 128 bits no one can guess, unique in this JVM. */
  static String next() {
    long count = COUNTER.incrementAndGet();
    byte[] block = new byte[16];
    for (int i = 0; i < 8; i++) {
      block[i] = (byte) (count >>> (8 * i));
    }
    try {
      CIPHERS.get().doFinal(block, 0, 16, block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES failed on one block", e);
    }
    return "/temp/ask-" + HEX.formatHex(block);
  }

  private static Cipher cipher() {
    try {
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding"); // one block per id: a permutation of the counter
      cipher.init(Cipher.ENCRYPT_MODE, KEY);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no AES", e);
    }
  }
}
