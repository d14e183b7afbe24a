package actors.internal;

/** What a router actor needs of its cell: somewhere to keep its routing across restarts. */
public interface RoutedCell {

  /** This cell's routing, or null if it is not a router's. */
  CellRouting routing();

  /**
   * Makes this cell a router's: from now on its messages are routed on the sender's thread.
   *
   * @throws IllegalStateException unless called while the cell's first actor instance is created
   */
  void installRouting(CellRouting routing);
}
