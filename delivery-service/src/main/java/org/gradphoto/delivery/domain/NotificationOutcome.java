package org.gradphoto.delivery.domain;

/** What became of one notification attempt. */
public enum NotificationOutcome {
  SENT,
  /** The student had no unused subscription authorisation; nothing was sent. */
  SKIPPED_NO_CONSENT,
  /** WeChat (or the network) refused; the reason is recorded. */
  FAILED
}
