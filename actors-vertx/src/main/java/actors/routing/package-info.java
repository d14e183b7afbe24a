/**
 * Routers: one reference in front of several actors. {@link actors.routing.Routers#pool} creates
 * and supervises its routees, spread over the event loops; {@link actors.routing.Routers#group}
 * routes to actors that exist already. Messages are routed on the sender's thread, with no hop
 * through the router's mailbox.
 */
package actors.routing;
