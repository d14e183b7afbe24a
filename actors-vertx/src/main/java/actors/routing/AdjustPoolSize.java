package actors.routing;

/**
 * Sent to a pool router, grows the pool by {@code change} routees, or shrinks it when negative.
 * Removed routees stop after the messages already in their mailboxes; a pool keeps at least one
 * routee.
 *
 * @param change how many routees to add (positive) or remove (negative)
 */
public record AdjustPoolSize(int change) {
}
