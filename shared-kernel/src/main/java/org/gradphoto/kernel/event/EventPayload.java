package org.gradphoto.kernel.event;

/** Marker of the payload records of the event catalogue ({@link EventType}). */
public sealed interface EventPayload
    permits EligibilityGranted,
        BindingRevoked,
        RosterEntriesChanged,
        PaymentConfirmed,
        PaymentRefunded,
        PhotoSubmitted,
        ReviewPassed,
        ReviewRejected,
        CollectionCompleted,
        SubmissionWithdrawn,
        PhotosDelivered {}
