package actors.dispatch.impl;

import actors.ActorRef;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A user message with its sender, and the link to the next one in an {@link EnvelopeQueue}:
 * the only allocation of a {@code tell}.
 */
public class Envelope {

  static final VarHandle NEXT;

  static {
    try {
      NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "next", Envelope.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Written by the producer before the envelope is published (EnvelopeQueue.offer's
  // getAndSet), cleared by the consumer once taken, so a stub never retains a message.
  Object message;
  ActorRef sender;
  // Written once by the producer that enqueues the following envelope (release), read by the
  // consumer (acquire). Null while this envelope is the tail, and again once it was taken and
  // replaced as the queue's stub.
  @SuppressWarnings("unused")
  private Envelope next;

  public Envelope(Object message, ActorRef sender) {
    this.message = message;
    this.sender = sender;
  }

  public Object message() {
    return message;
  }

  public ActorRef sender() {
    return sender;
  }

  Envelope nextAcquire() {
    return (Envelope) NEXT.getAcquire(this);
  }

  void linkRelease(Envelope next) {
    NEXT.setRelease(this, next);
  }

  /** Drops the link of a node the queue no longer holds; consumer only. */
  void unlink() {
    NEXT.set(this, null);
  }
}
