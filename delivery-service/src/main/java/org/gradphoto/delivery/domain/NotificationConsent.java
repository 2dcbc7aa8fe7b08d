package org.gradphoto.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's WeChat subscription-message authorisations for the review-result template. WeChat's
 * one-time subscriptions allow one message per "accept", so accepts add up and each sent message
 * uses one.
 *
 * @param openId the student's mini-program openid when the token carried one
 * @param available authorisations not used yet
 */
public record NotificationConsent(
    UUID studentId, String openId, int available, int accepted, int declined, Instant decidedAt) {

  public static NotificationConsent none(UUID studentId) {
    return new NotificationConsent(studentId, null, 0, 0, 0, null);
  }

  public NotificationConsent decided(boolean accept, String openId, Instant at) {
    String id = openId != null ? openId : this.openId;
    return accept
        ? new NotificationConsent(studentId, id, available + 1, accepted + 1, declined, at)
        : new NotificationConsent(studentId, id, available, accepted, declined + 1, at);
  }

  public boolean mayNotify() {
    return available > 0;
  }

  public NotificationConsent used() {
    if (available < 1) {
      throw new IllegalStateException("no authorisation left");
    }
    return new NotificationConsent(studentId, openId, available - 1, accepted, declined, decidedAt);
  }
}
