package actors.impl;

import actors.ActorRef;
import actors.AskTimeoutException;
import actors.MailboxFullException;
import actors.ReplyFailures;
import actors.cluster.MessageEncodingException;
import actors.internal.LocalRef;
import actors.internal.LogText;
import actors.internal.MessageAllowList;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Actors exposed at event-bus addresses: a {@code send} becomes a {@code tell}, a
 * {@code request} an {@code ask} whose reply or failure answers it. Every consumer is
 * unregistered when its actor stops, and all of them when the system terminates.
 */
final class Exposures {

  private static final System.Logger LOG = System.getLogger("actors.eventbus");

  private final MessageAllowList allowList;
  private final ActorSystemImpl system;
  private final Set<MessageConsumer<Object>> consumers = ConcurrentHashMap.newKeySet();

  Exposures(ActorSystemImpl system, MessageAllowList allowList) {
    this.allowList = allowList;
    this.system = system;
  }

  Future<MessageConsumer<Object>> expose(ActorRef ref, String address) {
    LocalRef local = system.localOf(ref, "expose");
    Objects.requireNonNull(address, "address");
    if (address.isBlank()) {
      throw new IllegalArgumentException("address must not be blank");
    }
    MessageConsumer<Object> consumer = system.vertx().eventBus().consumer(address);
    consumer.handler(message -> deliver(ref, address, message));
    consumers.add(consumer);
    local.whenTerminated().onComplete(stopped -> unregister(consumer));
    return consumer.completion().map(consumer);
  }

  private void deliver(ActorRef ref, String address, Message<Object> message) {
    Object body;
    try {
      // From another node, the body is decoded here: a class that is not allowed, or bytes
      // that do not decode, are answered (a request) or dead-lettered (a send), never lost.
      body = JacksonMessageCodec.decodingFor(allowList, message::body);
    } catch (RuntimeException e) {
      String reason = "a message to event-bus address " + LogText.quote(address) + " could not be decoded: "
          + (e instanceof MessageEncodingException ? e.getMessage() : e.getClass().getSimpleName());
      if (message.replyAddress() != null) {
        message.fail(ReplyFailures.BAD_MESSAGE, reason);
      } else {
        system.deadLetterOffice().publish(reason, null, ref, "an undecodable body was sent to event-bus address "
            + LogText.quote(address));
      }
      return;
    }
    if (message.replyAddress() == null) {
      if (body == null) {
        system.deadLetterOffice().publish("null", null, ref, "a null body was sent to event-bus address " + address);
      } else {
        try {
          ref.tell(body, null);
        } catch (MailboxFullException e) {
          system.deadLetterOffice().publish(body, null, ref, e.getMessage());
        }
      }
      return;
    }
    if (body == null) {
      message.fail(ReplyFailures.BAD_MESSAGE, "a request to " + ref.path() + " at " + address
          + " had a null body; actors cannot receive null");
      return;
    }
    ref.ask(body).onComplete(answer -> {
      if (answer.succeeded()) {
        reply(message, answer.result(), ref);
      } else {
        Throwable cause = answer.cause();
        if (cause instanceof AskTimeoutException) {
          message.fail(ReplyFailures.TIMED_OUT, cause.getMessage());
        } else if (cause instanceof MailboxFullException) {
          message.fail(ReplyFailures.MAILBOX_FULL, cause.getMessage());
        } else {
          // The exception's class and the message its code chose, not whatever its toString adds.
          message.fail(ReplyFailures.ACTOR_FAILED, ref.path() + " failed the request: " + cause.getClass().getName()
              + ": " + cause.getMessage());
        }
      }
    });
  }

  private static void reply(Message<Object> message, Object reply, ActorRef ref) {
    try {
      message.reply(reply);
    } catch (IllegalArgumentException e) {
      message.fail(ReplyFailures.ACTOR_FAILED, ref.path() + " replied with a " + reply.getClass().getName()
          + " that cannot cross the event bus: " + e.getMessage());
    }
  }

  private void unregister(MessageConsumer<Object> consumer) {
    if (consumers.remove(consumer)) {
      consumer.unregister().onFailure(e -> LOG.log(System.Logger.Level.WARNING, "[" + system.name()
          + "] unregistering the consumer at " + consumer.address() + " failed", e));
    }
  }

  /** Unregisters every consumer; called when the system terminates, before its actors stop. */
  Future<Void> unregisterAll() {
    return Future.join(consumers.stream().map(consumer -> {
      consumers.remove(consumer);
      return consumer.unregister();
    }).toList()).mapEmpty();
  }
}
