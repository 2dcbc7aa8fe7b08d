package org.gradphoto.kernel.event;

import java.util.Arrays;
import java.util.Optional;

/** The event catalogue: name on the wire, payload record, topic and current schema version. */
public enum EventType {
  ELIGIBILITY_GRANTED("EligibilityGranted", EligibilityGranted.class, Topics.IDENTITY_EVENTS),
  BINDING_REVOKED("BindingRevoked", BindingRevoked.class, Topics.IDENTITY_EVENTS),
  ROSTER_ENTRIES_CHANGED(
      "RosterEntriesChanged", RosterEntriesChanged.class, Topics.IDENTITY_EVENTS),
  PAYMENT_CONFIRMED("PaymentConfirmed", PaymentConfirmed.class, Topics.PAYMENT_EVENTS),
  PAYMENT_REFUNDED("PaymentRefunded", PaymentRefunded.class, Topics.PAYMENT_EVENTS),
  PHOTO_SUBMITTED("PhotoSubmitted", PhotoSubmitted.class, Topics.CAPTURE_EVENTS),
  REVIEW_PASSED("ReviewPassed", ReviewPassed.class, Topics.REVIEW_EVENTS),
  REVIEW_REJECTED("ReviewRejected", ReviewRejected.class, Topics.REVIEW_EVENTS),
  COLLECTION_COMPLETED("CollectionCompleted", CollectionCompleted.class, Topics.REVIEW_EVENTS),
  SUBMISSION_WITHDRAWN("SubmissionWithdrawn", SubmissionWithdrawn.class, Topics.REVIEW_EVENTS),
  PHOTOS_DELIVERED("PhotosDelivered", PhotosDelivered.class, Topics.DELIVERY_EVENTS);

  private final String wireName;
  private final Class<? extends EventPayload> payloadType;
  private final String topic;

  EventType(String wireName, Class<? extends EventPayload> payloadType, String topic) {
    this.wireName = wireName;
    this.payloadType = payloadType;
    this.topic = topic;
  }

  /**
   * Schema version written by this code; readers accept older and newer (unknown fields ignored).
   */
  public int version() {
    return 1;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends EventPayload> payloadType() {
    return payloadType;
  }

  public String topic() {
    return topic;
  }

  public static Optional<EventType> byWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  public static EventType of(EventPayload payload) {
    return Arrays.stream(values())
        .filter(t -> t.payloadType.isInstance(payload))
        .findFirst()
        .orElseThrow();
  }
}
