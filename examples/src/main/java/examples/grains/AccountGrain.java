package examples.grains;

import actors.grains.GrainContext;
import actors.grains.GrainState;
import actors.grains.Remindable;
import io.vertx.core.Future;

import java.time.Duration;

// tag::grain[]
/** The account: each change is written before it is answered; a reminder pays interest every 30 days. */
public final class AccountGrain implements Account, Remindable {

  /** Interest per month, in hundredths of a percent: {@value} (0.5%). */
  static final long MONTHLY_INTEREST_BASIS_POINTS = 50;
  static final String INTEREST = "monthly-interest";

  private final GrainContext context;
  private final GrainState<AccountState> state;

  public AccountGrain(GrainContext context) {
    this.context = context;
    this.state = context.state("account", AccountState.class, () -> new AccountState(0));
  }

  @Override
  public Future<Long> deposit(long cents) {
    boolean first = state.version() == 0;
    state.set(new AccountState(state.get().cents() + cents));
    Future<Void> written = state.write();
    if (first) { // the first deposit opens the account: interest from now on, kept in the store
      written = written.compose(done -> context.registerReminder(INTEREST, Duration.ofDays(30)));
    }
    return written.map(done -> state.get().cents());
  }

  @Override
  public Future<Long> withdraw(long cents) {
    long balance = state.get().cents();
    if (balance < cents) {
      return Future.failedFuture(new InsufficientFundsException("the balance of " + context.id() + " is " + balance
          + ", less than " + cents));
    }
    state.set(new AccountState(balance - cents));
    return state.write().map(done -> balance - cents);
  }

  @Override
  public Future<Long> balance() {
    return Future.succeededFuture(state.get().cents());
  }

  @Override
  public Future<Void> receiveReminder(String name) {
    long cents = state.get().cents();
    state.set(new AccountState(cents + cents * MONTHLY_INTEREST_BASIS_POINTS / 10_000));
    return state.write();
  }
}
// end::grain[]
