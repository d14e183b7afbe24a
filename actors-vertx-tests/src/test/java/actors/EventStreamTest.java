package actors;

import actors.event.ActorFailed;
import actors.event.ActorRestarted;
import actors.event.ActorStarted;
import actors.event.ActorStopped;
import actors.event.EventStream;
import actors.testkit.TestProbe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamTest extends SystemTestBase {

  private static ActorRef actorOf(Object event) {
    if (event instanceof ActorStarted started) {
      return started.actor();
    } else if (event instanceof ActorRestarted restarted) {
      return restarted.actor();
    } else if (event instanceof ActorStopped stopped) {
      return stopped.actor();
    }
    return ((ActorFailed) event).actor();
  }

  @Test
  void lifecycleEventsOfAnActorArriveInTheOrderTheyHappened() {
    TestProbe probe = new TestProbe(system);
    EventStream stream = system.eventStream();
    stream.subscribe(probe.ref(), ActorStarted.class);
    stream.subscribe(probe.ref(), ActorFailed.class);
    stream.subscribe(probe.ref(), ActorRestarted.class);
    stream.subscribe(probe.ref(), ActorStopped.class);
    IllegalStateException cause = new IllegalStateException("restart me");
    ActorRef subject = system.actorOf(props((a, m) -> {
      throw cause;
    }), "subject");
    subject.tell("fail");
    subject.tell("fail again");
    subject.tell(PoisonPill.INSTANCE);
    List<Object> events = new ArrayList<>();
    while (events.size() < 6) {
      Object event = probe.receiveN(1).get(0);
      if (actorOf(event).equals(subject)) {
        events.add(event);
      }
    }
    assertThat(events).containsExactly(
        new ActorStarted(subject),
        new ActorFailed(subject, cause, Directive.RESTART),
        new ActorRestarted(subject, cause),
        new ActorFailed(subject, cause, Directive.RESTART),
        new ActorRestarted(subject, cause),
        new ActorStopped(subject));
  }

  @Test
  void deadLettersArePublishedWithTheirReason() {
    TestProbe probe = new TestProbe(system);
    system.eventStream().subscribe(probe.ref(), DeadLetter.class);
    ActorRef gone = system.actorOf(echo(), "gone");
    system.stop(gone).await();
    gone.tell("hello?");
    DeadLetter letter = probe.expectMsgClass(DeadLetter.class);
    assertThat(letter).isEqualTo(new DeadLetter("hello?", null, gone, DeadLetter.RECIPIENT_STOPPED));
  }

  interface ShopEvent {
  }

  record PriceChanged(String item, long cents) implements ShopEvent {
  }

  @Test
  void applicationEventsReachSubscribersOfTheirClassOrASuperclass() {
    TestProbe prices = new TestProbe(system);
    TestProbe shop = new TestProbe(system);
    TestProbe strings = new TestProbe(system);
    EventStream stream = system.eventStream();
    assertThat(stream.subscribe(prices.ref(), PriceChanged.class)).isTrue();
    assertThat(stream.subscribe(prices.ref(), PriceChanged.class)).isFalse();
    stream.subscribe(shop.ref(), ShopEvent.class);
    stream.subscribe(strings.ref(), String.class);
    stream.publish(new PriceChanged("tea", 250));
    prices.expectMsg(new PriceChanged("tea", 250));
    shop.expectMsg(new PriceChanged("tea", 250));
    strings.expectNoMsg();
    assertThat(stream.unsubscribe(prices.ref(), PriceChanged.class)).isTrue();
    stream.publish(new PriceChanged("tea", 260));
    prices.expectNoMsg();
  }

  @Test
  void aSubscriberThatStopsIsUnsubscribedBeforeItsStopCompletes() {
    // Many times over: the stop's Future once completed before the subscriber had left.
    for (int i = 0; i < 200; i++) {
      ActorRef subscriber = system.actorOf(echo(), "subscriber-" + i);
      system.eventStream().subscribe(subscriber, PriceChanged.class);
      system.stop(subscriber).await();
      long before = system.deadLetterCount();
      system.eventStream().publish(new PriceChanged("tea", i));
      assertThat(system.deadLetterCount()).as("dead letters after stopping subscriber %d", i).isEqualTo(before);
    }
  }

  @Test
  void publishingNullIsRefused() {
    assertThatThrownBy(() -> system.eventStream().publish(null))
        .isInstanceOf(NullPointerException.class).hasMessage("event");
  }
}
