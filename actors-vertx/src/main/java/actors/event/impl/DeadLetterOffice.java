package actors.event.impl;

import actors.ActorRef;
import actors.AskTimeoutException;
import actors.DeadLetter;
import actors.internal.DeadLetters;
import actors.internal.LogText;
import actors.internal.PendingAsk;
import actors.internal.SystemMeters;
import io.vertx.core.Handler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** Counts dead letters, passes them to listeners, and logs them at a bounded rate. */
public final class DeadLetterOffice implements DeadLetters {

  private static final System.Logger LOG = System.getLogger("actors.deadletters");
  private static final int LOGGED_PER_SECOND = 10;

  private final String systemName;
  private final boolean log;
  private final EventStreamImpl eventStream;
  private final LongAdder count = new LongAdder();
  // Null while metrics are off.
  private final SystemMeters meters;
  private final List<Handler<DeadLetter>> listeners = new CopyOnWriteArrayList<>();
  private final RateLimitedLog rateLimitedLog = new RateLimitedLog(LOG, LOGGED_PER_SECOND);

  public DeadLetterOffice(String systemName, boolean log, EventStreamImpl eventStream, SystemMeters meters) {
    this.systemName = systemName;
    this.meters = meters;
    this.log = log;
    this.eventStream = eventStream;
  }

  @Override
  public void publish(Object message, ActorRef sender, ActorRef recipient) {
    publish(message, sender, recipient, DeadLetter.RECIPIENT_STOPPED);
  }

  @Override
  public void publish(Object message, ActorRef sender, ActorRef recipient, String reason) {
    count.increment();
    if (meters != null) {
      meters.deadLetter(reason);
    }
    if (sender instanceof PendingAsk ask && recipient.equals(ask.target())) {
      // The question itself was not delivered: no answer can come, so the ask fails now, not
      // at its timeout (which would keep its timer, and what that holds, until then). Only for
      // the ask's own target: a question it passed on (a broadcast, a forward) may still be
      // answered by someone else.
      ask.fail(new AskTimeoutException("ask to " + recipient.path() + " failed at once: its message of type "
          + message.getClass().getName() + " was not delivered (" + reason + "), so no answer can come"));
    }
    // A dead letter about a dead letter (a stopped subscriber's) is not published again: no loop.
    boolean toStream = !(message instanceof DeadLetter) && eventStream.hasSubscribers(DeadLetter.class);
    if (listeners.isEmpty() && !log && !toStream) {
      return;
    }
    DeadLetter letter = new DeadLetter(message, sender, recipient, reason);
    if (toStream) {
      eventStream.publish(letter);
    }
    for (Handler<DeadLetter> listener : listeners) {
      try {
        listener.handle(letter);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "[" + systemName + "] a dead-letter listener threw", e);
      }
    }
    if (log) {
      rateLimitedLog.log(System.Logger.Level.INFO, () -> describe(letter));
    }
  }

  /** One log line; message and paths escaped and cut, since they may come from other nodes. */
  private String describe(DeadLetter letter) {
    return "[" + systemName + "] dead letter: " + letter.message().getClass().getName()
        + " [" + LogText.escape(String.valueOf(letter.message())) + "] from "
        + (letter.sender() == null ? "no sender" : LogText.escape(letter.sender().path()))
        + " to " + LogText.escape(letter.recipient().path())
        + " was not delivered (" + LogText.escape(letter.reason(), 400) + "); " + count.sum() + " dead letters so far"
        + " (logging is limited to " + LOGGED_PER_SECOND + " a second; ActorSystemOptions.setLogDeadLetters(false) turns it off)";
  }

  public long count() {
    return count.sum();
  }

  public void addListener(Handler<DeadLetter> listener) {
    listeners.add(listener);
  }

  public void removeListener(Handler<DeadLetter> listener) {
    listeners.remove(listener);
  }
}
