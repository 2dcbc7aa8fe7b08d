package org.gradphoto.delivery.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.gradphoto.delivery.domain.NotificationConsent;

/** The mini-program's subscription-message answer (授权订阅消息), recorded per student. */
public interface NotificationConsentUseCase {
  Uni<NotificationConsent> decide(UUID studentId, String openId, boolean accepted);

  Uni<NotificationConsent> of(UUID studentId);
}
