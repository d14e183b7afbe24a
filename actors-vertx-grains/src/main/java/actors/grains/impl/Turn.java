package actors.grains.impl;

import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.context.storage.AccessMode;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The call chain a turn belongs to, kept in the duplicated Vert.x context the turn runs in: the
 * turn's own code and every callback of what it started (asks, timers, HTTP requests) run in that
 * context, so calls they make to other grains carry the chain along. The chain is a context
 * local ({@link TurnLocal}); in a Vertx made without it, an entry of the context's local map.
 */
final class Turn {

  private static final Object KEY = Turn.class;

  private Turn() {
  }

  /** A context for a turn of {@code chain}, duplicated from the activation's. */
  static ContextInternal context(ContextInternal activation, long chain) {
    ContextInternal turn = activation.duplicate();
    try {
      turn.putLocal(TurnLocal.CHAIN, AccessMode.CONCURRENT, chain);
    } catch (IllegalArgumentException noRoom) {
      turn.putLocal(KEY, chain);
    }
    return turn;
  }

  /** The chain of the turn the calling thread runs in; a new chain outside any turn. */
  static long chain() {
    ContextInternal current = ContextInternal.current();
    Object chain = null;
    if (current != null && current.isDuplicate()) {
      try {
        chain = current.getLocal(TurnLocal.CHAIN, AccessMode.CONCURRENT);
      } catch (IllegalArgumentException noRoom) {
        chain = current.getLocal(KEY);
      }
    }
    return chain != null ? (Long) chain : ThreadLocalRandom.current().nextLong();
  }
}
