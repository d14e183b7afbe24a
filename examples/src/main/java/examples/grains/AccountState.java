package examples.grains;

/** What an account keeps: its balance in cents. */
public record AccountState(long cents) {
}
