package org.gradphoto.delivery.domain;

import java.util.Map;
import org.gradphoto.kernel.error.Refusal;

/**
 * A rule of delivery said no: which rule, and the facts that matter. The words a student or a
 * school admin reads and the HTTP answer are the inbound adapter's business ({@code
 * adapter.in.rest.DeliveryRefusals}).
 */
public final class DeliveryRefusal extends Refusal {

  /** Every way delivery refuses; the adapter must word each one (an exhaustive switch). */
  public enum Reason {
    /** No student of the batch has a standard photo yet. */
    NOTHING_TO_DELIVER,
    /** Fact {@code status}: the package's {@link PackageStatus}. */
    PACKAGE_NOT_READY,
    SCHOOL_NOT_ALLOWED,
    /** A read-only school account asked for something only a school admin may do. */
    READ_ONLY_ACCOUNT,
    PACKAGE_NOT_FOUND,
    /** Fact {@code sheet}: the {@link SheetSize} the photo does not fit. */
    LAYOUT_SHEET_UNAVAILABLE,
    COLLECTION_NOT_FOUND,
    /** Fact {@code status}: the collection's {@link CollectionStatus}. */
    PHOTO_NOT_READY
  }

  public DeliveryRefusal(Reason reason) {
    this(reason, Map.of());
  }

  public DeliveryRefusal(Reason reason, Map<String, Object> facts) {
    super(reason, facts);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
