package actors.grains;

import io.vertx.core.Future;

/**
 * A grain's durable state (Orleans' {@code IPersistentState}): read from the store before the
 * activation's first call, changed in memory with {@link #set}, kept with {@link #write}. Every
 * write is a new version; a write from an activation that did not read the latest version is
 * refused with {@link InconsistentStateException}. Use it from the grain's own calls only.
 *
 * @param <S> the state's type, best an immutable record
 */
public interface GrainState<S> {

  /** The state: the last one set, else the last one written, else the initial one. */
  S get();

  /** Replaces the state in memory; {@link #write} keeps it. */
  void set(S state);

  /**
   * Keeps the state in the store as version {@link #version()} + 1. The Future completes once
   * it is durable; it fails with {@link InconsistentStateException} if the store holds a newer
   * version, or with the store's failure.
   */
  Future<Void> write();

  /** The version read or last written; 0 when the store had none. */
  long version();

  /** Whether the state was set since it was last read or written. */
  boolean dirty();
}
