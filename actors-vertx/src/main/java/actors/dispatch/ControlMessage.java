package actors.dispatch;

/**
 * A message that jumps the queue of a control-aware mailbox
 * ({@link MailboxOptions#setControlAware(boolean)}): it is processed before every ordinary
 * message already waiting. Control messages keep their order among themselves.
 */
public interface ControlMessage {
}
