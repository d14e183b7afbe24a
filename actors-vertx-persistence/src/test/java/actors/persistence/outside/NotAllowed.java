package actors.persistence.outside;

/** An event of a package no test system allows. */
public record NotAllowed(int value) {
}
