package actors.sharding;

/**
 * What an entity tells its parent ({@code context().parent().tell(Passivate.INSTANCE, self())})
 * to be stopped as an idle one is: after the messages already in its mailbox (and what it
 * stashed); messages that arrive meanwhile wait and start its next incarnation, in order.
 */
public enum Passivate {
  INSTANCE
}
