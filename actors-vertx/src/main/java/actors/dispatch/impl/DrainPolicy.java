package actors.dispatch.impl;

import java.util.concurrent.Executor;

/**
 * How the mailboxes of actors bound to one context drain: where the drain runs, how many user
 * messages a turn takes, and how it waits for more ({@link IdleSpin}, or null). One object for
 * what would be three fields of every mailbox; the default dispatcher shares one per event loop.
 */
public record DrainPolicy(Executor executor, int throughput, IdleSpin idleSpin) {
}
