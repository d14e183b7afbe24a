package actors.cluster.refused;

/** A message of a package no test node allows, nor annotated: other nodes must refuse it. */
public record Secret(String text) {
}
