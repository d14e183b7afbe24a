package actors.impl.cell;

import actors.Receive;
import actors.dispatch.impl.Envelope;
import actors.internal.RestartStats;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The part of an {@link ActorCell} most actors never use, created on first use: a million idle
 * actors then cost a million absent fields, not a million sets of null ones. Actor thread only.
 */
final class RareState {

  // become/unbecome's stack; empty: the actor's own receive.
  ArrayDeque<Receive> behaviours;
  // Stash's messages, oldest first.
  ArrayDeque<Envelope> stashed;
  // Non-null from a failure until the supervisor's directive has been carried out.
  Throwable failure;
  Object failedMessage;
  // Non-null while a restart waits for the children stopped by preRestart.
  Throwable recreateCause;
  // The restart under way replaces an instance that never started: the next one gets preStart.
  boolean freshStart;
  // Children whose failure this actor escalated, owed their unit of suspension back.
  List<ActorCell> escalatedChildren;
  // Whether stash() was called for the message being processed.
  boolean stashedCurrent;
  Set<ActorCell> stoppingChildren;
  Map<ActorCell, RestartStats> childRestartStats;
  Set<Long> backoffTimers;
  DeathWatch deathWatch;
  ActorTimers timers;
  ReceiveTimeoutTimer receiveTimeout;
  int restartCount;
  // When its mailbox was last logged as falling behind (System.nanoTime()); 0: never.
  long fallingBehindLogged;
  // The /user guardian's only: what the system does when a failure escalates past it.
  Consumer<Throwable> escalation;
}
