package actors.sharding;

import actors.Actor;
import actors.ActorRef;
import actors.Props;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Counter;

import java.time.Duration;
import java.util.UUID;

/**
 * The singleton of the cluster tests. It checks itself that it runs alone: on start it takes
 * the next epoch from a counter in the cluster manager, and every 50 ms, and on each message,
 * it checks that the counter still holds its epoch. Finding a later one means another instance
 * started while this one runs: it adds one to the counter of violations. It reports numbered
 * messages to {@code ledger} as a {@code Tally} does, and answers anything else with its node.
 */
final class Sole extends Actor {

  static final String EPOCH = "sole-epoch";
  static final String VIOLATIONS = "sole-violations";

  private final ActorRef ledger;
  private final String incarnation = UUID.randomUUID().toString();
  private Counter epochs;
  private long epoch = -1;

  private Sole(ActorRef ledger) {
    this.ledger = ledger;
  }

  static Props props(ActorRef ledger) {
    return Props.create(Sole.class, () -> new Sole(ledger));
  }

  private record Epoch(Counter counter, long value) {
  }

  /** What the counter held when this instance, with epoch {@code mine}, looked. */
  private record Checked(long mine, long current) {
  }

  private enum Check { TICK }

  @Override
  public void preStart() {
    ActorRef me = self();
    context().vertx().sharedData().getCounter(EPOCH)
        .compose(counter -> counter.incrementAndGet().map(value -> new Epoch(counter, value)))
        .onSuccess(taken -> me.tell(taken));
    context().timers().startTimerWithFixedDelay(Check.TICK, Check.TICK, Duration.ofMillis(50));
  }

  @Override
  protected void receive(Object message) {
    if (message instanceof Epoch taken) {
      epochs = taken.counter();
      epoch = taken.value();
    } else if (message == Check.TICK) {
      check();
    } else if (message instanceof Checked checked) {
      // Still running when the answer came: a later epoch means a second instance runs now.
      if (checked.current() != checked.mine()) {
        context().vertx().sharedData().getCounter(VIOLATIONS).compose(Counter::incrementAndGet);
      }
    } else if (message instanceof Integer number) {
      check();
      ledger.tell(new JsonObject().put("id", "sole").put("n", number).put("incarnation", incarnation)
          .put("node", context().system().nodeId()));
    } else {
      sender().tell(new JsonObject().put("node", context().system().nodeId()).put("incarnation", incarnation), self());
    }
  }

  private void check() {
    if (epochs == null) {
      return;
    }
    long mine = epoch;
    ActorRef me = self();
    epochs.get().onSuccess(current -> me.tell(new Checked(mine, current)));
  }
}
