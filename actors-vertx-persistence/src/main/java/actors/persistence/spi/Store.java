package actors.persistence.spi;

import actors.persistence.EventJournal;
import actors.persistence.SnapshotStore;

/** A journal and a snapshot store in one, as the library's stores are. */
public interface Store extends EventJournal, SnapshotStore {
}
