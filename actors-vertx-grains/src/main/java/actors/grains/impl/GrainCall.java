package actors.grains.impl;

import java.util.Arrays;

/**
 * A call of a grain's method, as its activation receives it: on this node the arguments as they
 * were given, between nodes as {@link GrainWire} writes them.
 *
 * @param chain the call chain it belongs to: a call made during another call's turn carries that
 *              call's chain, a call from outside any grain a new one
 */
record GrainCall(GrainMethod method, Object[] args, long chain) {

  @Override
  public String toString() {
    return method + (args == null ? "" : Arrays.toString(args));
  }
}
