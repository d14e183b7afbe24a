package actors.grains.impl;

/**
 * The answer to a call from another node: its value, written by {@link GrainWire} and read back
 * as the value itself.
 */
record GrainReply(GrainMethod method, Object value) {
}
