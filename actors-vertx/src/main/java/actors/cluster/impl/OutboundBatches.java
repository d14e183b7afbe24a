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
 * leave in the order they were added, from that thread.
 */
final class OutboundBatches {

  static final int MAX_BATCH_BYTES = 64 * 1024;

  private final EventBus eventBus;
  private final Function<String, String> addressOfNode;
  private final ThreadLocal<ThreadBatches> perThread = ThreadLocal.withInitial(ThreadBatches::new);

  OutboundBatches(EventBus eventBus, Function<String, String> addressOfNode) {
    this.eventBus = eventBus;
    this.addressOfNode = addressOfNode;
  }

  /** Adds {@code frame} for {@code node}; the caller runs on {@code context}, an event-loop context. */
  void add(ContextInternal context, String node, Buffer frame) {
    ThreadBatches batches = perThread.get();
    Buffer batch = batches.byNode.get(node);
    if (batch == null) {
      batch = Buffer.buffer(Math.max(256, frame.length() + 4));
      batches.byNode.put(node, batch);
    }
    batch.appendInt(frame.length()).appendBuffer(frame);
    if (batch.length() >= MAX_BATCH_BYTES) {
      batches.byNode.remove(node);
      eventBus.send(addressOfNode.apply(node), batch);
    }
    if (!batches.flushScheduled) {
      batches.flushScheduled = true;
      context.runOnContext(batches);
    }
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
      batches.forEach((node, batch) -> eventBus.send(addressOfNode.apply(node), batch));
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
}
