package actors.grains.sample;

import actors.grains.GrainContext;
import actors.grains.GrainLifecycle;
import actors.grains.GrainState;
import actors.grains.Remindable;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The account's implementation: every change is written before it is answered. */
public final class AccountGrain implements Account, Remindable, GrainLifecycle {

  /** "id cents" of every account deactivated in this JVM, as {@code onDeactivate} saw it. */
  public static final Queue<String> DEACTIVATED = new ConcurrentLinkedQueue<>();

  private final GrainContext context;
  private final GrainState<AccountState> state;
  private long versionAtActivation = -1;

  public AccountGrain(GrainContext context) {
    this.context = context;
    this.state = context.state("account", AccountState.class, () -> new AccountState(0, 0));
  }

  @Override
  public Future<Void> onActivate() {
    versionAtActivation = state.version();
    return Future.succeededFuture();
  }

  @Override
  public void onDeactivate() {
    DEACTIVATED.add(context.id() + " " + state.get().cents());
  }

  @Override
  public Future<List<Long>> depositEach(List<Long> amounts) {
    List<Long> versions = new ArrayList<>();
    List<Future<Void>> writes = new ArrayList<>();
    for (long cents : amounts) {
      state.set(new AccountState(state.get().cents() + cents, state.get().interestPaid()));
      writes.add(state.write().onSuccess(written -> versions.add(state.version())));
    }
    return Future.all(writes).map(written -> versions);
  }

  @Override
  public Future<Long> versionAtActivation() {
    return Future.succeededFuture(versionAtActivation);
  }

  @Override
  public Future<Long> deposit(long cents) {
    state.set(new AccountState(state.get().cents() + cents, state.get().interestPaid()));
    return state.write().map(written -> state.get().cents());
  }

  @Override
  public Future<Long> withdraw(long cents) {
    if (state.get().cents() < cents) {
      throw new IllegalStateException("insufficient funds in " + context.id() + ": " + state.get().cents() + " < " + cents);
    }
    state.set(new AccountState(state.get().cents() - cents, state.get().interestPaid()));
    return state.write().map(written -> state.get().cents());
  }

  @Override
  public Future<Long> balance() {
    return Future.succeededFuture(state.get().cents());
  }

  @Override
  public Future<Long> version() {
    return Future.succeededFuture(state.version());
  }

  @Override
  public void setUnwritten(long cents) {
    state.set(new AccountState(cents, state.get().interestPaid()));
  }

  @Override
  public Future<Void> startInterest(long periodMillis) {
    return context.registerReminder("interest", Duration.ofMillis(periodMillis));
  }

  @Override
  public Future<Void> stopInterest() {
    return context.unregisterReminder("interest");
  }

  @Override
  public Future<Integer> interestPaid() {
    return Future.succeededFuture(state.get().interestPaid());
  }

  @Override
  public Future<String> node() {
    return Future.succeededFuture(context.system().nodeId());
  }

  @Override
  public Future<Void> deactivate() {
    context.deactivateOnIdle();
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> receiveReminder(String name) {
    AccountState now = state.get();
    state.set(new AccountState(now.cents() + now.cents() / 100, now.interestPaid() + 1));
    return state.write();
  }
}
