package actors;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorProxyTest extends SystemTestBase {

  interface Account {
    void deposit(long cents);

    Future<Long> balance();

    Future<Long> withdraw(long cents);

    Future<Void> reset();

    default Future<Long> depositAndGetBalance(long cents) {
      deposit(cents);
      return balance();
    }
  }

  static final class AccountImpl implements Account {
    private long cents;

    @Override
    public void deposit(long cents) {
      this.cents += cents;
    }

    @Override
    public Future<Long> balance() {
      return Future.succeededFuture(cents);
    }

    @Override
    public Future<Long> withdraw(long amount) {
      if (amount > cents) {
        throw new IllegalStateException("insufficient funds: " + cents + " < " + amount);
      }
      cents -= amount;
      return Future.succeededFuture(cents);
    }

    @Override
    public Future<Void> reset() {
      cents = 0;
      return Future.succeededFuture();
    }
  }

  @Test
  void callsBecomeMessagesProcessedInOrder() {
    AtomicInteger instances = new AtomicInteger();
    ActorRef ref = system.actorOf(ActorProxy.props(Account.class, () -> {
      instances.incrementAndGet();
      return new AccountImpl();
    }), "account");
    Account account = ActorProxy.of(ref, Account.class);
    for (int i = 0; i < 10; i++) {
      account.deposit(100);
    }
    assertThat(account.balance().await()).isEqualTo(1_000L);
    assertThat(account.withdraw(250).await()).isEqualTo(750L);
    assertThat(account.depositAndGetBalance(50).await()).isEqualTo(800L);
    assertThat(account.reset().await()).isNull();
    assertThat(account.toString()).isEqualTo("Account proxy of /user/account");
    assertThat(instances).hasValue(1);
  }

  @Test
  void anExceptionFailsTheCallersFutureAndIsTheActorsFailure() {
    AtomicInteger instances = new AtomicInteger();
    ActorRef ref = system.actorOf(ActorProxy.props(Account.class, () -> {
      instances.incrementAndGet();
      return new AccountImpl();
    }));
    Account account = ActorProxy.of(ref, Account.class);
    account.deposit(100);
    assertThatThrownBy(() -> account.withdraw(500).await())
        .isInstanceOf(IllegalStateException.class).hasMessage("insufficient funds: 100 < 500");
    // The default strategy restarted the actor: a new instance, a new balance.
    assertThat(account.balance().await()).isEqualTo(0L);
    assertThat(instances).hasValue(2);
  }

  interface Bad {
    String name();
  }

  @Test
  void anInterfaceWithAnotherReturnTypeOrAClassIsRefused() {
    ActorRef ref = system.actorOf(echo());
    assertThatThrownBy(() -> ActorProxy.of(ref, Bad.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("method name of actors.ActorProxyTest$Bad returns java.lang.String; an actor proxy's methods "
            + "return void (a tell) or io.vertx.core.Future (an ask)");
    assertThatThrownBy(() -> ActorProxy.props(Bad.class, () -> () -> "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActorProxy.of(ref, AccountImpl.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an interface");
  }
}
