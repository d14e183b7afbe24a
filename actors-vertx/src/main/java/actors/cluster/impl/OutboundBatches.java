package actors.cluster.impl;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.ContextInternal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Frames to other nodes, gathered per event-loop thread and node into one event-bus message
 * ({@code [length][frame]...}) sent when the thread's current task ends, or when it reaches
 * {@value #MAX_BATCH_BYTES} bytes. An actor that sends a thousand messages in one turn costs
 * the event bus one message, not a thousand; one thread's frames keep their order because they
 * leave in the order they were added, from that thread. With a cluster secret, each batch is
 * sealed ({@link BatchSeal}) as it leaves.
 */
final class OutboundBatches {

  static final int MAX_BATCH_BYTES = 64 * 1024;

  private final EventBus eventBus;
  private final Function<String, String> addressOfNode;
  private final BatchSeal seal;
  private final ThreadLocal<ThreadBatches> perThread = ThreadLocal.withInitial(ThreadBatches::new);

  /** Batches sent to {@code addressOfNode}; sealed with {@code seal}, unless null. */
  OutboundBatches(EventBus eventBus, Function<String, String> addressOfNode, BatchSeal seal) {
    this.eventBus = eventBus;
    this.addressOfNode = addressOfNode;
    this.seal = seal;
  }

  /** Adds {@code frame} for {@code node}; the caller runs on {@code context}, an event-loop context. */
  void add(ContextInternal context, String node, Buffer frame) {
    ThreadBatches batches = perThread.get();
    Buffer batch = batches.byNode.get(node);
    if (batch == null) {
      batch = newBatch(Math.max(256, frame.length() + 4));
      batches.byNode.put(node, batch);
    }
    batch.appendInt(frame.length()).appendBuffer(frame);
    if (batch.length() >= MAX_BATCH_BYTES) {
      batches.byNode.remove(node);
      send(node, batch);
    }
    if (!batches.flushScheduled) {
      batches.flushScheduled = true;
      context.runOnContext(batches);
    }
  }

  /** Sends {@code frame} to {@code node} alone, at once: for threads whose tasks no batch may outlive. */
  void sendOne(String node, Buffer frame) {
    send(node, newBatch(frame.length() + 4).appendInt(frame.length()).appendBuffer(frame));
  }

  private Buffer newBatch(int capacity) {
    return seal == null ? Buffer.buffer(capacity) : seal.newBatch(capacity);
  }

  private void send(String node, Buffer batch) {
    String address = addressOfNode.apply(node);
    if (seal != null) {
      seal.seal(batch, address);
    }
    eventBus.send(address, batch);
  }

  /** One thread's batches by node. */
  private final class ThreadBatches implements Handler<Void> {
    private Map<String, Buffer> byNode = new HashMap<>();
    private boolean flushScheduled;

    @Override
    public void handle(Void ignored) {
      flushScheduled = false;
      // A fresh map first: whatever a send runs on this thread batches for the next flush.
      Map<String, Buffer> batches = byNode;
      byNode = new HashMap<>();
      batches.forEach(OutboundBatches.this::send);
    }
  }

  /**
   * The frames of a batch, in order; false when a frame's length does not fit the batch, where
   * the frames behind it cannot be told apart and are not passed on.
   */
  static boolean forEachFrame(Buffer batch, java.util.function.Consumer<Buffer> frames) {
    int position = 0;
    while (position < batch.length()) {
      if (batch.length() - position < 4) {
        return false;
      }
      int length = batch.getInt(position);
      if (length < 0 || length > batch.length() - position - 4) {
        return false;
      }
      frames.accept(batch.slice(position + 4, position + 4 + length));
      position += 4 + length;
    }
    return true;
  }

  /** The node id in a batch's first frame, read without decoding anything else; "" if none. */
  static String senderOf(Buffer batch) {
    // [frame length][kind][node id length][node id]...
    if (batch.length() < 9) {
      return "";
    }
    int length = batch.getInt(5);
    return length < 0 || length > batch.length() - 9 ? "" : batch.getString(9, 9 + length, "UTF-8");
  }
}
