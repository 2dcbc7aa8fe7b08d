package org.gradphoto.payment.application.port.in;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Keeps orders true to WeChat Pay when notifications are late or lost: queries unpaid orders,
 * closes those that timed out, and follows refunds still in progress.
 */
public interface MaintainOrdersUseCase {

  Uni<SweepReport> sweep(Instant now);

  record SweepReport(int queried, int confirmed, int closed, int refunded) {}
}
