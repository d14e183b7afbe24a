package actors.persistence;

import actors.ActorRef;
import actors.Props;
import com.fasterxml.jackson.annotation.JsonAlias;

import java.util.ArrayList;
import java.util.List;

/** The persistent actor of the tests: a balance made of deposits, with what it replayed. */
public final class Account extends PersistentActor {

  /** Puts {@code amount} in; answered with the balance once durable. */
  public record Deposit(long amount) {
  }

  /** The event; older histories wrote the amount as "sum". */
  record Deposited(@JsonAlias("sum") long amount) {
  }

  /** The snapshot. */
  record Balance(long balance) {
  }

  /** Answered with a {@link State}. */
  public enum Query { STATE }

  /** Saves a snapshot; answered with the sequence number it covers. */
  enum Snap { NOW }

  /** Deposits, then throws: the supervisor restarts the account, which replays. */
  record DepositThenFail(long amount) {
  }

  /** Persists an event of a class that is not allowed; NESTED: an allowed one holding one that is not, answering the refusal. */
  enum Forbidden { NOW, NESTED }

  /** An allowed event that holds, with its class named (as a polymorphic field is), one of a class that is not. */
  record Holding(@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS)
                 Object inside) {
  }

  /**
   * Persists, with one {@code persistAll}, a deposit, an event of a class that is not allowed and
   * another deposit, and answers the refusal's message; {@code inHandler}: from the handler of a
   * deposit persisted first.
   */
  record DepositAllWithForbidden(long amount, boolean inHandler) {
  }

  /** What the account knows: its balance, its last sequence number, what recovery gave it, which instance it is. */
  public record State(long balance, long lastSequenceNr, List<Object> recovered, String incarnation) {
  }

  private final String id;
  private final ActorRef started;
  private long balance;
  private final List<Object> recovered = new ArrayList<>();
  private final String incarnation = java.util.UUID.randomUUID().toString();

  Account(String id, ActorRef started) {
    this.id = id;
    this.started = started;
  }

  public static Props props(String id) {
    return props(id, null);
  }

  static Props props(String id, ActorRef started) {
    return Props.create(Account.class, () -> new Account(id, started));
  }

  @Override
  public String persistenceId() {
    return id;
  }

  @Override
  protected void receiveRecover(Object event) {
    recovered.add(event instanceof Deposited ? "event" : event);
    if (event instanceof Deposited deposited) {
      balance += deposited.amount();
    } else if (event instanceof SnapshotOffer offer && offer.snapshot() instanceof Balance snapshot) {
      balance = snapshot.balance();
    }
  }

  @Override
  protected void onRecoveryCompleted() {
    if (started != null) {
      started.tell(lastSequenceNr());
    }
  }

  @Override
  protected void receiveCommand(Object command) {
    if (command instanceof Deposit deposit) {
      persist(new Deposited(deposit.amount()), event -> {
        balance += event.amount();
        sender().tell(balance, self());
      });
    } else if (command == Query.STATE) {
      sender().tell(new State(balance, lastSequenceNr(), List.copyOf(recovered), incarnation), self());
    } else if (command == Snap.NOW) {
      long covered = lastSequenceNr();
      ActorRef asker = sender();
      saveSnapshot(new Balance(balance)).onSuccess(saved -> asker.tell(covered));
    } else if (command instanceof DepositThenFail deposit) {
      persist(new Deposited(deposit.amount()), event -> {
        balance += event.amount();
        throw new IllegalStateException("failing after deposit " + event.amount());
      });
    } else if (command instanceof DepositAllWithForbidden deposit && deposit.inHandler()) {
      persist(new Deposited(deposit.amount()), event -> {
        balance += event.amount();
        depositAllWithForbidden(deposit.amount());
      });
    } else if (command instanceof DepositAllWithForbidden deposit) {
      depositAllWithForbidden(deposit.amount());
    } else if (command == Forbidden.NESTED) {
      try {
        persist(new Holding(new actors.persistence.outside.NotAllowed(1)), event -> { });
      } catch (IllegalArgumentException refused) {
        sender().tell(refused.getMessage(), self());
      }
    } else if (command == Forbidden.NOW) {
      persist(new actors.persistence.outside.NotAllowed(1), event -> { });
    } else {
      unhandled(command);
    }
  }

  private void depositAllWithForbidden(long amount) {
    try {
      persistAll(List.of(new Deposited(amount), new actors.persistence.outside.NotAllowed(1), new Deposited(amount)),
          event -> balance += ((Deposited) event).amount());
    } catch (IllegalArgumentException refused) {
      sender().tell(refused.getMessage(), self());
    }
  }
}
