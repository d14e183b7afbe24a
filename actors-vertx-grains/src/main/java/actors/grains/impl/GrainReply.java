package actors.grains.impl;

import actors.cluster.ClusterMessage;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * The answer to a call from another node: its value, written by the method's declared result type
 * and read back as the value itself (see {@link GrainWire.ReplyReader}).
 */
@ClusterMessage
@JsonSerialize(using = GrainWire.ReplyWriter.class)
@JsonDeserialize(using = GrainWire.ReplyReader.class)
record GrainReply(GrainType type, GrainMethod method, Object value) {
}
