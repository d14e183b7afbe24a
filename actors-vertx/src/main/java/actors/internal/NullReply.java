package actors.internal;

/** Stands for a {@code null} reply, which {@code tell} refuses: an ask it answers completes with null. */
public enum NullReply {
  INSTANCE
}
