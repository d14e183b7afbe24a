package actors.impl;

/** Stands for a {@code null} reply, which {@code tell} refuses: an ask it answers completes with null. */
enum NullReply {
  INSTANCE
}
