package org.gradphoto.kernel.outbound;

import io.smallrye.config.WithDefault;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.gradphoto.kernel.reactive.ContextResume;

/**
 * Blocking calls to one outside service (an SDK that does its own HTTP), each with a deadline,
 * retries and a circuit breaker (SmallRye Fault Tolerance), run on worker threads and answered on
 * the caller's context. One instance per outside service, so its breaker opens for that service
 * only.
 *
 * <p>Only failures that say nothing about the outcome are retried and count against the breaker:
 * the caller's {@code noAnswer} (a lost connection, a 5xx, "system busy") and the deadline. A
 * refusal (4xx, an invalid code) is the service's answer: it fails at once and the breaker does not
 * count it. Retries repeat the same request, so only idempotent calls may be guarded (WeChat's are:
 * the same out_trade_no, out_refund_no, code).
 */
public final class GuardedCalls {

  /** The policy, as a configuration group (e.g. {@code gradphoto.wechatpay.calls.*}). */
  public interface Policy {
    /** Each attempt's deadline. */
    @WithDefault("4s")
    Duration timeout();

    /** Attempts after the first one, for failures without an answer. */
    @WithDefault("1")
    int retries();

    @WithDefault("300ms")
    Duration retryDelay();

    /** The breaker judges the last this many calls… */
    @WithDefault("10")
    int breakerVolume();

    /** …and opens when this share of them had no answer. */
    @WithDefault("0.5")
    double breakerFailureRatio();

    /** How long it stays open before letting one call try. */
    @WithDefault("30s")
    Duration breakerDelay();
  }

  /** The attempt's deadline passed: the call may still take effect at the other side. */
  public static final class DeadlinePassed extends RuntimeException {
    DeadlinePassed(String service) {
      super(service + " did not answer within the deadline");
    }
  }

  /** The breaker is open: the call was not made. */
  public static final class NotCalled extends RuntimeException {
    NotCalled(String service) {
      super(service + " failed too often lately; the call was not made");
    }
  }

  private final String service;
  private final Policy policy;
  private final Predicate<Throwable> worthRetrying;
  private volatile Guard guard;

  public GuardedCalls(String service, Policy policy, Predicate<Throwable> noAnswer) {
    this.service = service;
    this.policy = policy;
    this.worthRetrying = e -> e instanceof TimeoutException || noAnswer.test(e);
  }

  /**
   * Made at the first call, not in the constructor: an adapter built outside a Quarkus application
   * (a plain unit test of its settings) has no fault-tolerance runtime and never calls out.
   */
  private Guard guard() {
    Guard g = guard;
    if (g == null) {
      synchronized (this) {
        if (guard == null) {
          guard =
              Guard.create()
                  .withDescription(service)
                  .withTimeout()
                  .duration(policy.timeout().toMillis(), ChronoUnit.MILLIS)
                  .done()
                  .withRetry()
                  .maxRetries(policy.retries())
                  .delay(policy.retryDelay().toMillis(), ChronoUnit.MILLIS)
                  .jitter(policy.retryDelay().toMillis() / 2, ChronoUnit.MILLIS)
                  .whenException(worthRetrying)
                  .done()
                  .withCircuitBreaker()
                  .name(service)
                  .requestVolumeThreshold(policy.breakerVolume())
                  .failureRatio(policy.breakerFailureRatio())
                  .delay(policy.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                  .when(worthRetrying)
                  .done()
                  .build();
        }
        g = guard;
      }
    }
    return g;
  }

  /**
   * Runs {@code call} guarded. Fails with {@link DeadlinePassed} or {@link NotCalled} for the
   * guard's own reasons, else with what the call threw.
   */
  public <T> Uni<T> call(Supplier<T> call) {
    Uni<T> guarded =
        guard()
            .get(
                () ->
                    Uni.createFrom()
                        .item(call)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()),
                new TypeLiteral<Uni<T>>() {});
    return ContextResume.onCallerContext(
        guarded
            .onFailure(TimeoutException.class)
            .transform(e -> new DeadlinePassed(service))
            .onFailure(CircuitBreakerOpenException.class)
            .transform(e -> new NotCalled(service)));
  }
}
