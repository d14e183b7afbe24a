package actors.grains.impl;

import actors.ActorRef;
import actors.cluster.ClusterMessage;
import actors.persistence.PersistentActor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bucket of a grain type's reminders and remembered ids, event-sourced: its events say which
 * reminders were set or cancelled and which grains are remembered. While it runs it fires each
 * reminder at its due times (the first due time plus whole periods, so a restart neither shifts
 * nor repeats them: ticks due while no bucket ran are skipped), and wakes its remembered grains
 * on start and whenever the hosts wake it.
 */
final class ReminderBucket extends PersistentActor {

  /** Reminder {@code name} of grain {@code grain}, due at {@code firstDue} (epoch ms) and every {@code period} ms after. */
  @ClusterMessage
  record Reminder(String grain, String name, long period, long firstDue) {
  }

  @ClusterMessage
  record Cancelled(String grain, String name) {
  }

  @ClusterMessage
  record Remember(String grain) {
  }

  @ClusterMessage
  record Forget(String grain) {
  }

  /** What a snapshot keeps. */
  @ClusterMessage
  record Snapshot(List<Reminder> reminders, List<String> remembered) {
  }

  private record Due(String grain, String name) {
  }

  private static final int SNAPSHOT_EVERY = 200;
  /** How often a running bucket wakes its remembered grains again, for those whose shard moved: 10 s. */
  private static final long REWAKE_NANOS = 10_000_000_000L;

  private final Reminders owner;
  private final GrainType type;
  private final String bucket;
  private final Map<Due, Reminder> reminders = new HashMap<>();
  private final Set<String> remembered = new HashSet<>();
  private long wokenAt;

  ReminderBucket(Reminders owner, GrainType type, String bucket) {
    this.owner = owner;
    this.type = type;
    this.bucket = bucket;
  }

  @Override
  public String persistenceId() {
    return "grain-reminders|" + type.typeName() + "|" + bucket;
  }

  @Override
  protected void receiveRecover(Object event) {
    if (event instanceof actors.persistence.SnapshotOffer offer && offer.snapshot() instanceof Snapshot snapshot) {
      snapshot.reminders().forEach(this::apply);
      remembered.addAll(snapshot.remembered());
    } else {
      apply(event);
    }
  }

  @Override
  protected void onRecoveryCompleted() {
    reminders.values().forEach(this::schedule);
    wakeRemembered();
  }

  @Override
  protected void receiveCommand(Object command) {
    ActorRef replyTo = sender();
    if (command instanceof Due due) {
      Reminder reminder = reminders.get(due);
      if (reminder != null) {
        owner.grain(due.grain()).tell(new ReminderTick(due.name(), false));
        schedule(reminder);
      }
    } else if (command instanceof Wake) {
      if (System.nanoTime() - wokenAt > REWAKE_NANOS) {
        wakeRemembered();
      }
    } else if (command instanceof Reminder || command instanceof Cancelled || command instanceof Remember
        || command instanceof Forget) {
      if (unchanged(command)) {
        replyTo.tell(Boolean.TRUE, self());
        return;
      }
      persist(command, event -> {
        apply(event);
        if (event instanceof Reminder set) {
          schedule(set);
        } else if (event instanceof Cancelled cancel) {
          context().timers().cancel(new Due(cancel.grain(), cancel.name()));
        }
        replyTo.tell(Boolean.TRUE, self());
        if (lastSequenceNr() % SNAPSHOT_EVERY == 0) {
          saveSnapshot(new Snapshot(new ArrayList<>(reminders.values()), new ArrayList<>(remembered)))
              .onSuccess(saved -> self().tell(new Trim(lastSequenceNr())));
        }
      });
    } else if (command instanceof Trim trim) {
      deleteEvents(trim.upTo());
    } else {
      unhandled(command);
    }
  }

  private record Trim(long upTo) {
  }

  private boolean unchanged(Object command) {
    return command instanceof Cancelled cancel && !reminders.containsKey(new Due(cancel.grain(), cancel.name()))
        || command instanceof Remember remember && remembered.contains(remember.grain())
        || command instanceof Forget forget && !remembered.contains(forget.grain());
  }

  private void apply(Object event) {
    if (event instanceof Reminder set) {
      reminders.put(new Due(set.grain(), set.name()), set);
    } else if (event instanceof Cancelled cancel) {
      reminders.remove(new Due(cancel.grain(), cancel.name()));
    } else if (event instanceof Remember remember) {
      remembered.add(remember.grain());
    } else if (event instanceof Forget forget) {
      remembered.remove(forget.grain());
    }
  }

  /** The next due time of {@code reminder} after now, as a single timer keyed by grain and name. */
  private void schedule(Reminder reminder) {
    long now = System.currentTimeMillis();
    long next = reminder.firstDue();
    if (next <= now) {
      next += ((now - next) / reminder.period() + 1) * reminder.period();
    }
    Due due = new Due(reminder.grain(), reminder.name());
    context().timers().startSingleTimer(due, due, Duration.ofMillis(next - now));
  }

  private void wakeRemembered() {
    wokenAt = System.nanoTime();
    remembered.forEach(grain -> owner.grain(grain).tell(new Wake()));
  }
}
