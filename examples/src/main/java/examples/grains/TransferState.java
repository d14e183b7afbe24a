package examples.grains;

/** A transfer's outcome: {@code status} is NEW, DONE or REFUSED (with why). */
public record TransferState(String status, String from, String to, long cents, String reason) {

  static final TransferState NEW = new TransferState("NEW", null, null, 0, null);
}
