package org.gradphoto.review.domain;

/**
 * Where a review task is: waiting or claimed ({@code OPEN}), decided, replaced by a newer photo, or
 * withdrawn by the student before a reviewer claimed it.
 */
public enum TaskStatus {
  OPEN,
  DECIDED,
  SUPERSEDED,
  WITHDRAWN
}
