package actors.grains.sample;

/** What an account keeps. */
public record AccountState(long cents, int interestPaid) {
}
