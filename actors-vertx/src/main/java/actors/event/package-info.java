/**
 * The event stream ({@link actors.event.EventStream}) and the events the system publishes on it:
 * lifecycle, failures (dead letters are {@link actors.DeadLetter}).
 */
package actors.event;
