package org.gradphoto.review.domain;

/**
 * Where a review task is: waiting or claimed ({@code OPEN}), decided, or replaced by a newer photo.
 */
public enum TaskStatus {
  OPEN,
  DECIDED,
  SUPERSEDED
}
