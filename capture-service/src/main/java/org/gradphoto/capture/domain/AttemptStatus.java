package org.gradphoto.capture.domain;

/** Where one capture attempt stands. */
public enum AttemptStatus {
  /** Standardized; the student may look at it, adjust it or submit it. */
  READY,
  /** Sent for review. */
  SUBMITTED,
  /** The reviewer rejected it. */
  REJECTED,
  /** The reviewer passed it: it is the collection's photo, locked. */
  PASSED
}
