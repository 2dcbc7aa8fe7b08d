package org.gradphoto.kernel.error;

import java.util.Map;
import java.util.Objects;

/**
 * A rule of a service's domain or use cases said no: which rule (a value of the service's own
 * {@code Reason} enum) and the facts that matter. It carries no HTTP status and no sentence: the
 * service's inbound adapter words each reason and renders it as problem+json. Each service extends
 * this once (review's {@code ReviewRefusal}, delivery's {@code DeliveryRefusal}, …) and narrows
 * {@link #reason()} to its enum, so the adapter's switch over the reasons is exhaustive.
 */
public abstract class Refusal extends RuntimeException {
  private final Enum<?> reason;
  private final Map<String, Object> facts;

  protected Refusal(Enum<?> reason, Map<String, Object> facts) {
    // A refusal is an answer, not a fault: no stack trace to fill.
    super(reason.name(), null, false, false);
    this.reason = Objects.requireNonNull(reason);
    this.facts = Map.copyOf(facts);
  }

  public Enum<?> reason() {
    return reason;
  }

  /** The facts behind the refusal, e.g. a status label or a length limit. */
  public Map<String, Object> facts() {
    return facts;
  }

  /** One fact as text, for wording it ("" when absent). */
  public String fact(String name) {
    Object value = facts.get(name);
    return value == null ? "" : value.toString();
  }
}
