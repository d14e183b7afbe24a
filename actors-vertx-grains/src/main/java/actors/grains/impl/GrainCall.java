package actors.grains.impl;

import actors.cluster.ClusterMessage;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.util.Arrays;

/**
 * A call of a grain's method, as its activation receives it: on this node the arguments as they
 * were given, between nodes JSON by the method's declared types ({@link GrainWire}).
 *
 * @param chain the call chain it belongs to: a call made during another call's turn carries that
 *              call's chain, a call from outside any grain a new one
 */
@ClusterMessage
@JsonSerialize(using = GrainWire.CallWriter.class)
@JsonDeserialize(using = GrainWire.CallReader.class)
record GrainCall(GrainType type, GrainMethod method, Object[] args, long chain) {

  @Override
  public String toString() {
    return method + (args == null ? "" : Arrays.toString(args));
  }
}
