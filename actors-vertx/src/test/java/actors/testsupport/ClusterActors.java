package actors.testsupport;

import actors.Actor;
import actors.ActorRef;
import actors.Props;
import actors.cluster.ClusterMessage;

/** Actors and messages the cluster tests put on their nodes. */
public final class ClusterActors {

  private ClusterActors() {
  }

  /** A message with a reference inside, which must be re-bound on the receiving node. */
  public record Greet(String name, ActorRef replyTo) {
  }

  public record Greeting(String text) {
  }

  /** How many numbered messages arrived, and the first that broke the order (-1: none). */
  public record Count(long received, long firstOutOfOrder) {
  }

  /** Annotated instead of listed: allowed everywhere. */
  @ClusterMessage
  public record Annotated(int value) {
  }

  /** Replies with what it got; answers a {@link Greet} to its {@code replyTo}. */
  public static Props echo() {
    return Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        if (message instanceof Greet greet) {
          greet.replyTo().tell(new Greeting("hello " + greet.name()), self());
        } else {
          sender().tell(message, self());
        }
      }
    });
  }

  /** Never replies. */
  public static Props silent() {
    return Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
      }
    });
  }

  /** Forwards everything to {@code target}, keeping the sender. */
  public static Props forwarder(ActorRef target) {
    return Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        target.forward(message, context());
      }
    });
  }

  /** Counts numbered messages ({@code Long}s from 0) and answers {@code "count"} with a {@link Count}. */
  public static Props sequenceChecker() {
    return Props.create(() -> new Actor() {
      private long received;
      private long firstOutOfOrder = -1;

      @Override
      protected void receive(Object message) {
        if (message instanceof Long sequence) {
          if (sequence != received && firstOutOfOrder < 0) {
            firstOutOfOrder = received;
          }
          received++;
        } else if ("count".equals(message)) {
          sender().tell(new Count(received, firstOutOfOrder), self());
        }
      }
    });
  }

  /** Sends {@code count} numbered messages to {@code target} from its own context, then asks it for the count. */
  public static Props sequenceSender(ActorRef target, long count) {
    return Props.create(() -> new Actor() {
      @Override
      protected void receive(Object message) {
        for (long i = 0; i < count; i++) {
          target.tell(i, self());
        }
        target.tell("count", sender());
      }
    });
  }
}
