package org.gradphoto.delivery.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.delivery.domain.NotificationKind;

/** Sends a WeChat subscription message (订阅消息) to a student. */
public interface SubscriptionMessenger {
  /** The channel name recorded with each attempt. */
  String channel();

  Uni<Result> send(Message message);

  record Message(
      UUID studentId, String openId, UUID collectionId, NotificationKind kind, Instant decidedAt) {}

  /**
   * @param detail message id when sent, reason when not (no personal data)
   */
  record Result(boolean sent, String detail) {}
}
