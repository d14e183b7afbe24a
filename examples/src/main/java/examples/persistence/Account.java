package examples.persistence;

import actors.persistence.PersistentActor;
import actors.persistence.SnapshotOffer;
import io.vertx.core.json.JsonObject;

/**
 * A bank account, event-sourced: its balance is the sum of its deposits and withdrawals, which
 * are kept in the store and replayed when it starts again, after a passivation, a restart by its
 * supervisor, or a restart of the application. Every 100 events it saves a snapshot.
 */
public final class Account extends PersistentActor {

  /** Puts money in; answered with the account once it is durable. */
  public record Deposit(long amount) {
  }

  /** Takes money out if there is enough; answered with the account, or a refusal. */
  public record Withdraw(long amount) {
  }

  /** Answered with the account. */
  public enum Get { INSTANCE }

  // tag::events[]
  /** The events: what happened, in the past tense. */
  public record Deposited(long amount) {
  }

  public record Withdrawn(long amount) {
  }

  /** The snapshot: the balance after some event. */
  public record Balance(long balance) {
  }
  // end::events[]

  private final String id;
  private long balance;

  Account(String id) {
    this.id = id;
  }

  @Override
  public String persistenceId() {
    return "account-" + id;
  }

  // tag::account[]
  @Override
  protected void receiveRecover(Object event) {
    if (event instanceof SnapshotOffer offer && offer.snapshot() instanceof Balance snapshot) {
      balance = snapshot.balance();
    } else {
      apply(event);
    }
  }

  @Override
  protected void receiveCommand(Object command) {
    if (command instanceof Deposit deposit && deposit.amount() > 0) {
      persist(new Deposited(deposit.amount()), this::applied);
    } else if (command instanceof Withdraw withdraw && withdraw.amount() > 0 && withdraw.amount() <= balance) {
      persist(new Withdrawn(withdraw.amount()), this::applied);
    } else if (command instanceof Withdraw withdraw && withdraw.amount() > 0) {
      sender().tell(new JsonObject().put("refused", "the balance is " + balance + ", less than " + withdraw.amount()), self());
    } else if (command == Get.INSTANCE) {
      sender().tell(view(), self());
    } else {
      sender().tell(new JsonObject().put("refused", "amounts are positive"), self());
    }
  }

  /** Runs once the event is durable: the state changes, the asker hears of it. */
  private void applied(Object event) {
    apply(event);
    if (lastSequenceNr() % 100 == 0) {
      saveSnapshot(new Balance(balance));
    }
    sender().tell(view(), self());
  }

  private void apply(Object event) {
    if (event instanceof Deposited deposited) {
      balance += deposited.amount();
    } else if (event instanceof Withdrawn withdrawn) {
      balance -= withdrawn.amount();
    }
  }
  // end::account[]

  private JsonObject view() {
    return new JsonObject().put("account", id).put("balance", balance).put("events", lastSequenceNr());
  }
}
