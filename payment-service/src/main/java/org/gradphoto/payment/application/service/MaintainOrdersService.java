package org.gradphoto.payment.application.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gradphoto.kernel.logging.Redacted;
import org.gradphoto.payment.application.port.in.MaintainOrdersUseCase;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.application.port.out.UnitOfWork;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.config.PaymentSettings;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.payment.domain.OrderState;

@ApplicationScoped
class MaintainOrdersService implements MaintainOrdersUseCase {
  private static final int BATCH = 100;

  private final UnitOfWork unitOfWork;
  private final OrderRepository orders;
  private final OrderSettlement settlement;
  private final WechatPayGateway gateway;
  private final PaymentSettings settings;

  MaintainOrdersService(
      UnitOfWork unitOfWork,
      OrderRepository orders,
      OrderSettlement settlement,
      WechatPayGateway gateway,
      PaymentSettings settings) {
    this.unitOfWork = unitOfWork;
    this.orders = orders;
    this.settlement = settlement;
    this.gateway = gateway;
    this.settings = settings;
  }

  @Override
  public Uni<SweepReport> sweep(Instant now) {
    Instant cutoff = now.minus(settings.reconcileAfter());
    AtomicInteger queried = new AtomicInteger();
    AtomicInteger confirmed = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    AtomicInteger refunded = new AtomicInteger();
    Uni<Void> unpaid =
        unitOfWork
            .inTransaction(() -> orders.unpaidCreatedBefore(cutoff, BATCH))
            .chain(
                list ->
                    each(
                        list,
                        order -> {
                          queried.incrementAndGet();
                          return settlement
                              .reconcile(order, now, true)
                              .invoke(
                                  after -> {
                                    if (after.state() == OrderState.PAID) {
                                      confirmed.incrementAndGet();
                                    } else if (after.state() == OrderState.CLOSED) {
                                      closed.incrementAndGet();
                                    }
                                  })
                              .replaceWithVoid();
                        }));
    Uni<Void> refunds =
        unitOfWork
            .inTransaction(() -> orders.refundsPendingSince(cutoff, BATCH))
            .chain(
                list ->
                    each(
                        list,
                        order ->
                            gateway
                                .queryRefund(order.refundNo())
                                .chain(
                                    r -> r.unknown() ? sendAgain(order) : Uni.createFrom().item(r))
                                .chain(r -> settlement.applyRefund(order.id(), r))
                                .invoke(
                                    after -> {
                                      if (after != null && after.state() == OrderState.REFUNDED) {
                                        refunded.incrementAndGet();
                                      }
                                    })
                                .replaceWithVoid()));
    return unpaid
        .chain(() -> refunds)
        .map(
            ignored ->
                new SweepReport(queried.get(), confirmed.get(), closed.get(), refunded.get()));
  }

  /**
   * A pending refund WeChat Pay has never heard of: the call that should have made it got no answer
   * and never arrived. It is sent again with the same refund number, so if the first call arrives
   * after all, WeChat Pay still refunds once.
   */
  private Uni<WechatPayGateway.Refund> sendAgain(Order order) {
    Log.infof("refund of order %s unknown to WeChat Pay: sent again", order.id());
    return gateway.refund(order, order.refundReason());
  }

  /** One order at a time; a failure is logged and the sweep goes on with the next. */
  private static Uni<Void> each(
      List<Order> list, java.util.function.Function<Order, Uni<Void>> step) {
    return Multi.createFrom()
        .iterable(list)
        .onItem()
        .transformToUniAndConcatenate(
            order ->
                step.apply(order)
                    .onFailure()
                    .recoverWithUni(
                        e -> {
                          Log.warnf(
                              "order %s not reconciled: %s", order.id(), Redacted.describe(e));
                          return Uni.createFrom().voidItem();
                        }))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
