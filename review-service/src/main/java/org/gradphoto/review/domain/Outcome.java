package org.gradphoto.review.domain;

/** What a reviewer decided about one photo. */
public enum Outcome {
  PASS,
  REJECT
}
