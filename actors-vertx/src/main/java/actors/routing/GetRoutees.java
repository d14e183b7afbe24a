package actors.routing;

/** Asks a router for its current routees; it answers with {@link Routees}. */
public enum GetRoutees {
  /** The only instance. */
  INSTANCE
}
