package examples.grains;

import actors.grains.Grain;
import actors.grains.ReadOnly;
import io.vertx.core.Future;

/**
 * A transfer between two accounts, a grain by transfer id: made at most once, whatever how often
 * it is asked, and its outcome kept.
 */
public interface Transfer extends Grain {

  /** Moves {@code cents} from {@code from} to {@code to}, once; again, it answers the outcome of the first time. */
  Future<TransferState> execute(Account from, Account to, long cents);

  @ReadOnly
  Future<TransferState> status();
}
