package actors.impl.cell;

import actors.ActorRef;
import actors.ReceiveTimeout;
import actors.dispatch.MailboxOptions;
import actors.dispatch.impl.DrainPolicy;
import actors.dispatch.impl.Mailbox;
import actors.dispatch.impl.SystemMessage;
import io.vertx.core.internal.ContextInternal;


/** The mailbox of one cell: what it takes goes to that cell, what it cannot deliver to dead letters. */
final class CellMailbox extends Mailbox {

  private static final System.Logger LOG = System.getLogger("actors.dispatch");
  // At most one warning a minute per actor that falls behind.
  private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

  private final ActorCell cell;

  CellMailbox(ActorCell cell, DrainPolicy drain, MailboxOptions options) {
    super(drain, options, cell.system.tracing(), cell.system.actorPathInMdc() ? cell.path() : null);
    this.cell = cell;
  }

  @Override
  protected void invoke(Object message, ActorRef sender) {
    cell.invoke(message, sender);
  }

  @Override
  protected void systemInvoke(SystemMessage message) {
    cell.systemInvoke(message);
  }

  @Override
  protected void deadLetter(Object message, ActorRef sender, String reason) {
    if (reason != null) {
      cell.system.deadLetterOffice().publish(message, sender, cell.self, reason);
    } else if (!(message instanceof ActorTimers.Tick) && message != ReceiveTimeout.INSTANCE) {
      // A stopped actor's timers are cancelled: their messages are not letters to anyone.
      cell.system.deadLetterOffice().publish(message, sender, cell.self);
    }
  }

  @Override
  protected ContextInternal context() {
    return cell.context;
  }

  @Override
  protected String ownerPath() {
    return cell.path();
  }

  @Override
  protected int warningSize() {
    MailboxOptions options = cell.props.mailbox();
    return (options != null ? options : cell.system.defaultMailbox()).getWarningSize();
  }

  @Override
  protected void fallingBehind(int waiting, int warningSize) {
    RareState rare = cell.rare();
    long now = System.nanoTime();
    if (rare.fallingBehindLogged != 0 && now - rare.fallingBehindLogged < LOG_INTERVAL_NANOS) {
      return;
    }
    rare.fallingBehindLogged = now;
    LOG.log(System.Logger.Level.WARNING, "[" + cell.system.name() + "] the mailbox of " + cell.path() + " holds "
        + waiting + " messages or more (warning size " + warningSize + "): it receives faster than it processes."
        + " Bound its mailbox (MailboxOptions.bounded) or keep fewer messages in flight (ask and wait), as the"
        + " manual's Backpressure section shows");
  }

  @Override
  protected String describeOwner() {
    return "actor " + cell.path() + " of system [" + cell.system.name() + "]";
  }
}
