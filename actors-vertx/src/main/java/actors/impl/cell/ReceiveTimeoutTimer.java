package actors.impl.cell;

import actors.ReceiveTimeout;

import java.time.Duration;
import java.util.Objects;

/**
 * An actor's receive timeout. Rather than re-arming a timer for every message, the cell records
 * when the last message arrived, and one Vert.x timer, when it fires, either sends
 * {@link ReceiveTimeout} (silence lasted the whole timeout) or sleeps for the rest of it.
 */
final class ReceiveTimeoutTimer {

  private final ActorCell cell;
  private long timeoutNanos;
  private long lastMessageNanos;
  private long vertxTimerId = -1;

  private ReceiveTimeoutTimer(ActorCell cell) {
    this.cell = cell;
  }

  /** Backs {@code context().setReceiveTimeout}: zero turns it off. */
  static void set(ActorCell cell, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("receive timeout must not be negative, was " + timeout);
    }
    RareState rare = cell.rare();
    if (rare.receiveTimeout == null) {
      if (timeout.isZero()) {
        return;
      }
      rare.receiveTimeout = new ReceiveTimeoutTimer(cell);
    }
    rare.receiveTimeout.set(timeout);
  }

  /** Backs {@code context().receiveTimeout()}. */
  static Duration timeoutOf(ActorCell cell) {
    return cell.rare == null || cell.rare.receiveTimeout == null ? Duration.ZERO : cell.rare.receiveTimeout.timeout();
  }

  Duration timeout() {
    return Duration.ofNanos(timeoutNanos);
  }

  void set(Duration timeout) {
    timeoutNanos = timeout.toNanos();
    lastMessageNanos = System.nanoTime();
    if (timeoutNanos == 0) {
      cancel();
    } else if (vertxTimerId < 0) {
      arm(timeoutNanos);
    }
  }

  boolean isOn() {
    return timeoutNanos != 0;
  }

  /** A message arrived; the silence starts again. */
  void messageReceived() {
    lastMessageNanos = System.nanoTime();
  }

  void cancel() {
    timeoutNanos = 0;
    if (vertxTimerId >= 0) {
      cell.system.vertx().cancelTimer(vertxTimerId);
      vertxTimerId = -1;
    }
  }

  private void arm(long delayNanos) {
    vertxTimerId = cell.context.setTimer(Math.max(1, delayNanos / 1_000_000), id -> fired());
  }

  private void fired() {
    vertxTimerId = -1;
    if (timeoutNanos == 0) {
      return;
    }
    long silence = System.nanoTime() - lastMessageNanos;
    if (silence >= timeoutNanos) {
      lastMessageNanos = System.nanoTime();
      cell.sendToSelf(ReceiveTimeout.INSTANCE);
      arm(timeoutNanos);
    } else {
      arm(timeoutNanos - silence);
    }
  }
}
