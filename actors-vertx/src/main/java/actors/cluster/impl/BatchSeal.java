package actors.cluster.impl;

import actors.internal.ClusterKeys;
import actors.internal.LogText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster secret on the wire. A sealed batch begins with a header,
 * {@code [marker][key id][incarnation][sequence][sender length][sender][tag]}, then its frames.
 * The tag authenticates the receiving address, the header before it and the frames: AES-GMAC
 * (AES-GCM over no plaintext, the JDK's, with its hardware intrinsics about twice as fast as
 * HMAC-SHA256 here), keyed per sender incarnation: each transport draws 16 random bytes when it
 * starts, and its AES-256 key is an HMAC-SHA256 of the cluster secret over its node id and
 * those bytes; the nonce is the batch's sequence number, which only grows, so no key ever sees
 * a nonce twice. The marker is negative, where a plain batch begins with a frame's length, so
 * the two never pass for each other. Each receiver keeps a {@link ReplayWindow} per sender
 * incarnation (the last {@value #INCARNATIONS} of each node), so a batch seen before, or too old
 * to tell, is refused.
 */
final class BatchSeal {

  static final int MARKER = 0xAC7A_0002;
  static final int INCARNATIONS = 4;
  private static final int TAG_BYTES = 16;
  private static final int INCARNATION_BYTES = 16;
  private static final int KEY_ID = 4;
  private static final int INCARNATION = 8;
  private static final int SEQUENCE = INCARNATION + INCARNATION_BYTES;
  private static final int SENDER = SEQUENCE + 8 + 2;
  private static final byte[] LABEL = "actors-vertx batch key\0".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ClusterKeys keys;
  private final byte[] sender;
  private final byte[] incarnation = new byte[INCARNATION_BYTES];
  private final SecretKeySpec sealingKey;
  private final int headerLength;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, byte[]> addresses = new ConcurrentHashMap<>();
  // Each sender's latest incarnations; touched only on that sender's decoder.
  private final Map<String, ArrayDeque<Incarnation>> senders = new ConcurrentHashMap<>();
  private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(BatchSeal::newCipher);
  private static final ThreadLocal<byte[]> TAG = ThreadLocal.withInitial(() -> new byte[TAG_BYTES]);

  /** A sender incarnation seen here: its key and the numbers it used. */
  private record Incarnation(int keyId, byte[] id, SecretKeySpec key, ReplayWindow window) {
  }

  BatchSeal(ClusterKeys keys, String nodeId) {
    this.keys = keys;
    this.sender = nodeId.getBytes(StandardCharsets.UTF_8);
    RANDOM.nextBytes(incarnation);
    this.sealingKey = derive(keys.signer(), sender, incarnation);
    this.headerLength = SENDER + sender.length + TAG_BYTES;
  }

  /** An empty batch from this node, with room for the header and about {@code capacity} bytes of frames. */
  Buffer newBatch(int capacity) {
    return Buffer.buffer(headerLength + capacity).appendInt(MARKER).appendInt(keys.signingId()).appendBytes(incarnation)
        .appendLong(0).appendShort((short) sender.length).appendBytes(sender).appendBytes(new byte[TAG_BYTES]);
  }

  /** Numbers and signs {@code batch}, made by {@link #newBatch}, for {@code address}. */
  void seal(Buffer batch, String address) {
    long number = sequence.getAndIncrement();
    batch.setLong(SEQUENCE, number);
    byte[] tag = TAG.get();
    try {
      Cipher gcm = start(Cipher.ENCRYPT_MODE, sealingKey, number, address, batch, headerLength - TAG_BYTES);
      gcm.doFinal(tag, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing a batch failed", e);
    }
    batch.setBytes(headerLength - TAG_BYTES, tag);
  }

  /** The sender a sealed batch names, read without checking anything; "" if it has no header. */
  static String senderOf(Buffer batch) {
    if (batch.length() < SENDER || batch.getInt(0) != MARKER) {
      return "";
    }
    int length = batch.getUnsignedShort(SENDER - 2);
    return batch.length() < SENDER + length + TAG_BYTES ? "" : batch.getString(SENDER, SENDER + length, "UTF-8");
  }

  /** Where the frames of a sealed batch begin, once {@link #senderOf} found its header. */
  static int framesOffset(Buffer batch) {
    return SENDER + batch.getUnsignedShort(SENDER - 2) + TAG_BYTES;
  }

  /**
   * Why {@code batch}, which names {@code sender}, is refused at {@code address} (no header, a
   * key not accepted, a tag that does not verify, a sequence number seen before or too old), or
   * null if it is let in: its number is then recorded. Called on the sender's decoder.
   */
  String refusal(Buffer batch, String sender, String address) {
    if (sender.isEmpty()) {
      return "a batch without the cluster secret's seal (a node without the secret, or not a node)";
    }
    String from = LogText.quote(sender);
    int keyId = batch.getInt(KEY_ID);
    byte[] id = batch.getBytes(INCARNATION, INCARNATION + INCARNATION_BYTES);
    ArrayDeque<Incarnation> known = senders.computeIfAbsent(sender, node -> new ArrayDeque<>(INCARNATIONS));
    Incarnation incarnation = find(known, keyId, id);
    SecretKeySpec key;
    if (incarnation != null) {
      key = incarnation.key();
    } else {
      Mac secret = keys.verifier(keyId);
      if (secret == null) {
        return "a batch claiming node " + from + " signed with a key this node does not accept";
      }
      key = derive(secret, sender.getBytes(StandardCharsets.UTF_8), id);
    }
    long number = batch.getLong(SEQUENCE);
    int tagOffset = framesOffset(batch) - TAG_BYTES;
    try {
      Cipher gcm = start(Cipher.DECRYPT_MODE, key, number, address, batch, tagOffset);
      byte[] tag = TAG.get();
      batch.getBytes(tagOffset, tagOffset + TAG_BYTES, tag, 0);
      gcm.doFinal(tag, 0, TAG_BYTES);
    } catch (AEADBadTagException e) {
      return "a batch claiming node " + from + " whose tag does not verify (changed, or not signed with the secret)";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("checking a batch failed", e);
    }
    if (incarnation == null) {
      incarnation = new Incarnation(keyId, id, key, new ReplayWindow());
      if (known.size() == INCARNATIONS) {
        known.removeFirst();
      }
      known.addLast(incarnation);
    }
    if (!incarnation.window().accept(number)) {
      return "a batch from node " + from + " replayed, or older than the replay window";
    }
    return null;
  }

  /** Forgets {@code node}'s incarnations and address: it left the cluster. */
  void forget(String node, String address) {
    senders.remove(node);
    addresses.remove(address);
  }

  private static Incarnation find(ArrayDeque<Incarnation> known, int keyId, byte[] id) {
    for (Incarnation incarnation : known) {
      if (incarnation.keyId() == keyId && Arrays.equals(incarnation.id(), id)) {
        return incarnation;
      }
    }
    return null;
  }

  /** This thread's AES-GCM, started for the batch numbered {@code number}, with everything before its tag and its frames as AAD. */
  private Cipher start(int mode, SecretKeySpec key, long number, String address, Buffer batch, int tagOffset)
      throws GeneralSecurityException {
    Cipher gcm = GCM.get();
    byte[] nonce = new byte[12];
    ByteBuffer.wrap(nonce, 4, 8).putLong(number);
    gcm.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
    gcm.updateAAD(addresses.computeIfAbsent(address, text -> text.getBytes(StandardCharsets.UTF_8)));
    var bytes = ((BufferInternal) batch).unwrap();
    gcm.updateAAD(bytes.nioBuffer(bytes.readerIndex(), tagOffset));
    int frames = tagOffset + TAG_BYTES;
    gcm.updateAAD(bytes.nioBuffer(bytes.readerIndex() + frames, batch.length() - frames));
    return gcm;
  }

  /** The AES-256 key of a sender incarnation: an HMAC-SHA256, under a cluster secret, of its node id and incarnation. */
  private static SecretKeySpec derive(Mac secret, byte[] node, byte[] incarnation) {
    secret.update(LABEL);
    secret.update(node);
    return new SecretKeySpec(secret.doFinal(incarnation), "AES");
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/GCM", e);
    }
  }
}
