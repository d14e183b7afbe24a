/**
 * What one concern of the library needs of another: the small interfaces between the cell, the
 * system, dispatch, routing, the event stream and the cluster transport.
 *
 * <p>Not for applications: no compatibility promise, not exported by the module, and not in the
 * Javadoc. What only the library may do (binding an actor instance to its cell, stashing,
 * calling {@code receive}) is not a public method of anything users hold; it passes through
 * {@link actors.internal.SharedSecrets}, which hands it only to the library's own classes.
 */
package actors.internal;
