package actors.impl;

import actors.ActorSystemOptions;

/** Checks, at a system's start, that what its options ask of the application's logging can be had. */
final class LogContext {

  private LogContext() {
  }

  /** @throws IllegalStateException if the actor path is to go in SLF4J's MDC and SLF4J is missing */
  static void check(ActorSystemOptions options) {
    if (!options.isActorPathInMdc()) {
      return;
    }
    try {
      Class.forName("org.slf4j.MDC", false, LogContext.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("ActorSystemOptions.setActorPathInMdc(true) needs SLF4J: add org.slf4j:slf4j-api "
          + "to the application's dependencies, or log self().path() from receive instead");
    }
  }
}
