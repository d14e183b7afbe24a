package actors.grains.impl;

import io.vertx.core.internal.ContextInternal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The call chain a turn belongs to, kept in the duplicated Vert.x context the turn runs in: the
 * turn's own code and every callback of what it started (asks, timers, HTTP requests) run in that
 * context, so calls they make to other grains carry the chain along.
 */
final class Turn {

  private static final Object KEY = Turn.class;

  private Turn() {
  }

  /** A context for a turn of {@code chain}, duplicated from the activation's. */
  static ContextInternal context(ContextInternal activation, long chain) {
    ContextInternal turn = activation.duplicate();
    turn.putLocal(KEY, chain);
    return turn;
  }

  /** The chain of the turn the calling thread runs in; a new chain outside any turn. */
  static long chain() {
    ContextInternal current = ContextInternal.current();
    Object chain = current != null && current.isDuplicate() ? current.getLocal(KEY) : null;
    return chain != null ? (Long) chain : ThreadLocalRandom.current().nextLong();
  }
}
