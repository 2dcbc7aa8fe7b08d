package org.gradphoto.kernel.event;

/**
 * Kafka topics. Each service publishes all its events on its own topic, keyed by the aggregate id,
 * so the events of one collection from one producer arrive in the order they happened. Consumers
 * read a producer's topic and dispatch on the envelope's {@code type}.
 */
public final class Topics {
  public static final String IDENTITY_EVENTS = "gradphoto.identity-events";
  public static final String PAYMENT_EVENTS = "gradphoto.payment-events";
  public static final String CAPTURE_EVENTS = "gradphoto.capture-events";
  public static final String REVIEW_EVENTS = "gradphoto.review-events";
  public static final String DELIVERY_EVENTS = "gradphoto.delivery-events";

  private Topics() {}

  /** Where a consuming service parks messages that keep failing, for an operator to replay. */
  public static String deadLetter(String consumingService) {
    return "gradphoto." + consumingService + ".dead-letter";
  }
}
