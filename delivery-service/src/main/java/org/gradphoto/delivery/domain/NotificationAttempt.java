package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/** One recorded attempt to tell a student a review result. */
public record NotificationAttempt(
    UUID attemptId,
    UUID eventId,
    UUID collectionId,
    UUID studentId,
    NotificationKind kind,
    String channel,
    NotificationOutcome outcome,
    String detail,
    Instant attemptedAt) {}
