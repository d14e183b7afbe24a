package examples.grains;

import actors.grains.GrainContext;
import actors.grains.GrainState;
import actors.grains.Grains;
import io.vertx.core.Future;

// tag::transfer[]
/**
 * The transfer: withdraws, then deposits, and writes the outcome. Its calls to the two accounts
 * belong to its turn, so a second {@code execute} of the same transfer waits for the first and
 * answers its outcome.
 */
public final class TransferGrain implements Transfer {

  private final GrainContext context;
  private final GrainState<TransferState> state;

  public TransferGrain(GrainContext context) {
    this.context = context;
    this.state = context.state("transfer", TransferState.class, () -> TransferState.NEW);
  }

  @Override
  public Future<TransferState> execute(Account from, Account to, long cents) {
    String fromId = Grains.idOf(from).id();
    String toId = Grains.idOf(to).id();
    TransferState done = state.get();
    if (!done.status().equals("NEW")) {
      if (!fromId.equals(done.from()) || !toId.equals(done.to()) || cents != done.cents()) {
        return Future.failedFuture(new IllegalArgumentException("transfer " + context.id() + " was made already, of "
            + done.cents() + " from " + done.from() + " to " + done.to()));
      }
      return Future.succeededFuture(done);
    }
    return from.withdraw(cents)
        .compose(withdrawn -> to.deposit(cents)
            .recover(failed -> from.deposit(cents).compose(refunded -> Future.failedFuture(failed))))
        .map(deposited -> new TransferState("DONE", fromId, toId, cents, null))
        .recover(failed -> InsufficientFundsException.matches(failed)
            ? Future.succeededFuture(new TransferState("REFUSED", fromId, toId, cents,
                InsufficientFundsException.reasonOf(failed)))
            : Future.failedFuture(failed))
        .compose(outcome -> {
          state.set(outcome);
          return state.write().map(written -> outcome);
        });
  }

  @Override
  public Future<TransferState> status() {
    return Future.succeededFuture(state.get());
  }
}
// end::transfer[]
