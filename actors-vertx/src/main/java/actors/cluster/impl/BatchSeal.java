package actors.cluster.impl;

import actors.internal.ClusterKeys;
import actors.internal.LogText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster secret on the wire. A sealed batch begins with a header,
 * {@code [marker][key id][sequence][sender length][sender][MAC]}, then its frames; the MAC is
 * an HMAC-SHA256 over the receiving address, the header before it and the frames. The marker is
 * negative, where a plain batch begins with a frame's length, so the two never pass for each
 * other. The sequence numbers of one sender only grow (they start from its clock, so a sender
 * started again on the same node id goes on above its old numbers); each receiver keeps a
 * {@link ReplayWindow} per sender, so a batch seen before, or too old to tell, is refused.
 */
final class BatchSeal {

  static final int MARKER = 0xAC7A_0001;
  private static final int SENDER_OFFSET = 4 + 4 + 8 + 2;

  private final ClusterKeys keys;
  private final byte[] sender;
  private final int headerLength;
  private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() << 20);
  private final Map<String, byte[]> addresses = new ConcurrentHashMap<>();
  // Touched only on the decoder of each sender.
  private final Map<String, ReplayWindow> windows = new ConcurrentHashMap<>();
  private final ThreadLocal<byte[]> expected = ThreadLocal.withInitial(() -> new byte[ClusterKeys.MAC_BYTES]);

  BatchSeal(ClusterKeys keys, String nodeId) {
    this.keys = keys;
    this.sender = nodeId.getBytes(StandardCharsets.UTF_8);
    this.headerLength = SENDER_OFFSET + sender.length + ClusterKeys.MAC_BYTES;
  }

  /** An empty batch from this node, with room for the header and about {@code capacity} bytes of frames. */
  Buffer newBatch(int capacity) {
    return Buffer.buffer(headerLength + capacity).appendInt(MARKER).appendInt(0).appendLong(0)
        .appendShort((short) sender.length).appendBytes(sender).appendBytes(new byte[ClusterKeys.MAC_BYTES]);
  }

  /** Numbers and signs {@code batch}, made by {@link #newBatch}, for {@code address}. */
  void seal(Buffer batch, String address) {
    batch.setInt(4, keys.signingId()).setLong(8, sequence.getAndIncrement());
    Mac mac = keys.signer();
    int macOffset = headerLength - ClusterKeys.MAC_BYTES;
    byte[] result = expected.get();
    digest(mac, addressBytes(address), batch, macOffset, result);
    batch.setBytes(macOffset, result);
  }

  /** The sender a sealed batch names, read without checking anything; "" if it has no header. */
  static String senderOf(Buffer batch) {
    if (batch.length() < SENDER_OFFSET || batch.getInt(0) != MARKER) {
      return "";
    }
    int length = batch.getUnsignedShort(SENDER_OFFSET - 2);
    return batch.length() < SENDER_OFFSET + length + ClusterKeys.MAC_BYTES ? ""
        : batch.getString(SENDER_OFFSET, SENDER_OFFSET + length, "UTF-8");
  }

  /** Where the frames of a sealed batch begin, once {@link #senderOf} found its header. */
  static int framesOffset(Buffer batch) {
    return SENDER_OFFSET + batch.getUnsignedShort(SENDER_OFFSET - 2) + ClusterKeys.MAC_BYTES;
  }

  /**
   * Why {@code batch}, which names {@code sender}, is refused at {@code address} (no header, a
   * key not accepted, a MAC that does not verify, a sequence number seen before or too old), or
   * null if it is let in: its number is then recorded. Called on the sender's decoder.
   */
  String refusal(Buffer batch, String sender, String address) {
    String from = LogText.quote(sender);
    if (sender.isEmpty()) {
      return "a batch without the cluster secret's seal (a node without the secret, or not a node)";
    }
    Mac mac = keys.verifier(batch.getInt(4));
    if (mac == null) {
      return "a batch claiming node " + from + " signed with a key this node does not accept";
    }
    int macOffset = framesOffset(batch) - ClusterKeys.MAC_BYTES;
    byte[] result = expected.get();
    digest(mac, addressBytes(address), batch, macOffset, result);
    int difference = 0;
    for (int i = 0; i < result.length; i++) {
      difference |= result[i] ^ batch.getByte(macOffset + i);
    }
    if (difference != 0) {
      return "a batch claiming node " + from + " whose MAC does not verify (changed, or not signed with the secret)";
    }
    if (!windows.computeIfAbsent(sender, node -> new ReplayWindow()).accept(batch.getLong(8))) {
      return "a batch from node " + from + " replayed, or older than the replay window";
    }
    return null;
  }

  /** Forgets {@code node}'s window and address: it left the cluster. */
  void forget(String node, String address) {
    windows.remove(node);
    addresses.remove(address);
  }

  private byte[] addressBytes(String address) {
    return addresses.computeIfAbsent(address, text -> text.getBytes(StandardCharsets.UTF_8));
  }

  private static void digest(Mac mac, byte[] address, Buffer batch, int macOffset, byte[] result) {
    mac.update(address);
    var bytes = ((BufferInternal) batch).unwrap();
    mac.update(bytes.nioBuffer(bytes.readerIndex(), macOffset));
    int frames = macOffset + ClusterKeys.MAC_BYTES;
    mac.update(bytes.nioBuffer(bytes.readerIndex() + frames, batch.length() - frames));
    try {
      mac.doFinal(result, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
