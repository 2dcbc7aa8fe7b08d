package org.gradphoto.payment.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.kernel.value.Ids;
import org.gradphoto.payment.application.port.in.StudentPaymentUseCase;
import org.gradphoto.payment.application.port.out.CollectionTermsRepository;
import org.gradphoto.payment.application.port.out.OrderRepository;
import org.gradphoto.payment.application.port.out.UnitOfWork;
import org.gradphoto.payment.application.port.out.WechatPayGateway;
import org.gradphoto.payment.application.port.out.WechatPayGateway.GatewayUnavailable;
import org.gradphoto.payment.config.PaymentSettings;
import org.gradphoto.payment.domain.CollectionTerms;
import org.gradphoto.payment.domain.Order;
import org.gradphoto.payment.domain.OrderState;
import org.gradphoto.payment.domain.Payability;
import org.gradphoto.payment.domain.PaymentRefusal;
import org.gradphoto.payment.domain.PaymentRefusal.Reason;

@ApplicationScoped
class StudentPaymentService implements StudentPaymentUseCase {
  /** An order this close to its timeout is settled and replaced rather than paid. */
  private static final java.time.Duration MARGIN = java.time.Duration.ofMinutes(2);

  private final UnitOfWork unitOfWork;
  private final CollectionTermsRepository collections;
  private final OrderRepository orders;
  private final WechatPayGateway gateway;
  private final OrderSettlement settlement;
  private final PaymentSettings settings;

  StudentPaymentService(
      UnitOfWork unitOfWork,
      CollectionTermsRepository collections,
      OrderRepository orders,
      WechatPayGateway gateway,
      OrderSettlement settlement,
      PaymentSettings settings) {
    this.unitOfWork = unitOfWork;
    this.collections = collections;
    this.orders = orders;
    this.gateway = gateway;
    this.settlement = settlement;
    this.settings = settings;
  }

  @Override
  public Uni<OrderView> viewOrder(UUID studentId, UUID collectionId) {
    return unitOfWork.inTransaction(
        () ->
            collections
                .find(collectionId)
                .chain(
                    terms -> {
                      requireOwner(terms, studentId);
                      return orders.findCurrent(collectionId).map(order -> view(terms, order));
                    }));
  }

  private static OrderView view(CollectionTerms terms, Order order) {
    Payability p = terms.payability(order);
    return new OrderView(
        terms.collectionId(),
        order == null ? null : order.id(),
        order == null ? terms.priceFen() : order.amountFen(),
        terms.policy().name(),
        order == null ? "NONE" : order.state().name(),
        p.notPayable(),
        order == null ? null : order.paidAt());
  }

  @Override
  public Uni<PaymentRequest> pay(PayCommand command) {
    String payer = command.openid();
    if (payer == null || payer.isBlank()) {
      // JSAPI pays as the WeChat user the order names; without one WeChat Pay would refuse it.
      return Uni.createFrom().failure(new PaymentRefusal(Reason.OPENID_MISSING));
    }
    Instant now = Instant.now();
    return unitOfWork
        .inTransaction(() -> openOrReuse(command, now))
        .chain(
            opened -> {
              if (opened.stale() != null) {
                // Too close to its timeout to be paid: settle it with WeChat Pay, then start over.
                return settlement
                    .settleOrClose(opened.stale(), now)
                    .onFailure(GatewayUnavailable.class)
                    .transform(e -> new PaymentRefusal(Reason.PAYMENT_UNAVAILABLE))
                    .chain(
                        () ->
                            pay(
                                new PayCommand(
                                    command.studentId(), payer, command.collectionId())));
              }
              return prepay(opened.terms(), opened.order(), payer);
            });
  }

  private record Opened(CollectionTerms terms, Order order, Order stale) {}

  private Uni<Opened> openOrReuse(PayCommand command, Instant now) {
    return collections
        .findForUpdate(command.collectionId())
        .chain(
            terms -> {
              requireOwner(terms, command.studentId());
              return orders
                  .findCurrent(command.collectionId())
                  .chain(
                      current -> {
                        Payability p = terms.payability(current);
                        if (!p.payable()) {
                          throw p.refusal();
                        }
                        if (current != null && current.state() == OrderState.CREATED) {
                          // An order the previous account of a revoked binding opened is closed
                          // like an overdue one: its payer is someone else.
                          return Uni.createFrom()
                              .item(
                                  current.isOverdue(now.plus(MARGIN), settings.closeUnpaidAfter())
                                          || !current.studentId().equals(command.studentId())
                                      ? new Opened(terms, null, current)
                                      : new Opened(terms, current, null));
                        }
                        Order fresh = Order.open(Ids.newId(), terms, now);
                        return orders.save(fresh).replaceWith(new Opened(terms, fresh, null));
                      });
            });
  }

  private Uni<PaymentRequest> prepay(CollectionTerms terms, Order order, String openid) {
    String description = settings.description() + "-" + terms.batchName();
    Instant expires = order.createdAt().plus(settings.closeUnpaidAfter());
    return gateway
        .prepay(order, openid, description, expires)
        .onFailure(GatewayUnavailable.class)
        .transform(e -> new PaymentRefusal(Reason.PAYMENT_UNAVAILABLE))
        .call(
            request ->
                unitOfWork.inTransaction(
                    () ->
                        orders
                            .findForUpdate(order.id())
                            .chain(
                                o -> {
                                  o.prepared(
                                      request.packageValue().replaceFirst("^prepay_id=", ""),
                                      Instant.now());
                                  return orders.save(o);
                                })));
  }

  private static void requireOwner(CollectionTerms terms, UUID studentId) {
    if (terms == null || !terms.belongsTo(studentId)) {
      throw new PaymentRefusal(Reason.COLLECTION_NOT_FOUND);
    }
  }
}
