package org.gradphoto.engine;

/**
 * The upload cannot be processed at all (not an image, truncated, too large). Unlike a {@link
 * PhotoFinding}, nothing is produced.
 */
public class InputRejectedException extends Exception {

  /** Why the input was refused. */
  public enum Reason {
    EMPTY,
    UNSUPPORTED_FORMAT,
    TRUNCATED,
    CORRUPT,
    TOO_LARGE
  }

  private final Reason reason;
  private final String messageZh;

  public InputRejectedException(Reason reason, String messageZh, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
    this.messageZh = messageZh;
  }

  /** Machine-readable code. */
  public Reason code() {
    return reason;
  }

  /** A message for the student, in Chinese. */
  public String messageZh() {
    return messageZh;
  }
}
