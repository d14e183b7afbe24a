package actors.persistence;

/**
 * Given to {@code receiveRecover} first when a snapshot exists: the state it holds, after event
 * {@code sequenceNr}; the events after it follow.
 */
public record SnapshotOffer(long sequenceNr, Object snapshot) {
}
