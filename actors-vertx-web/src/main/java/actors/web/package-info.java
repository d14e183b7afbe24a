/**
 * {@link actors.web.ActorTreeRouter}: a live page of the actor tree and its JSON API, as a
 * {@code vertx-web} router to mount on the application's own. Needs {@code io.vertx:vertx-web}.
 */
package actors.web;
