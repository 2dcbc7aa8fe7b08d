package org.gradphoto.delivery.domain;

/** Life of a school package. */
public enum PackageStatus {
  /** Asked for; waiting for a packaging worker. */
  REQUESTED,
  /** A worker is streaming the ZIP to object storage. */
  BUILDING,
  /** The ZIP is stored; PhotosDelivered is emitted. */
  READY,
  /** Building failed; the reason is kept, the school may ask again. */
  FAILED;

  public boolean isPending() {
    return this == REQUESTED || this == BUILDING;
  }
}
