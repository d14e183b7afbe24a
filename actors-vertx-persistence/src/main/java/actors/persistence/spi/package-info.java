/**
 * What the artifacts of other stores need of persistence: the store they make and the service
 * that makes it. Not for applications: exported only to the library's own modules.
 */
package actors.persistence.spi;
