package org.gradphoto.identity.domain;

import java.util.Map;
import org.gradphoto.kernel.error.Refusal;

/**
 * A rule of identity said no: which rule, and the facts that matter. The words a student or a
 * school's staff reads and the HTTP answer are the inbound adapter's business ({@code
 * adapter.in.rest.IdentityRefusals}).
 */
public final class IdentityRefusal extends Refusal {

  /** Every way identity refuses; the adapter must word each one (an exhaustive switch). */
  public enum Reason {
    // staff authorisation
    /** A read-only school account asked to change something. */
    READ_ONLY_ACCOUNT,
    /** Fact {@code school}: the school code the caller may not manage. */
    SCHOOL_NOT_YOURS,
    OPERATOR_ONLY,
    // schools and batches
    NO_SUCH_SCHOOL,
    NO_SUCH_BATCH,
    /** A batch's settings named another school than the batch's. */
    BATCH_SCHOOL_FIXED,
    SCHOOL_NAME_INVALID,
    BATCH_NAME_MISSING,
    PRICE_NEGATIVE,
    NO_ELIGIBILITY_MODE,
    /** Fact {@code allowed}: the review promises the platform understands. */
    REVIEW_PROMISE_UNKNOWN,
    SPEC_PROFILE_MISSING,
    NO_BACKGROUND_COLOUR,
    UPLOAD_MIN_NEGATIVE,
    UPLOAD_MAX_NOT_ABOVE_MIN,
    /** Fact {@code max}: the largest upload limit, in bytes. */
    UPLOAD_MAX_TOO_LARGE,
    /** Fact {@code min}: the smallest upload limit, in bytes. */
    UPLOAD_MAX_TOO_SMALL,
    SIGN_UP_OPENS_AFTER_SHOOTING,
    SIGN_UP_CLOSES_AFTER_SHOOTING,
    /** Facts {@code field} (the batch setting) and {@code max} (characters). */
    TEXT_TOO_LONG,
    SUPPORT_PHONE_INVALID,
    /**
     * A window that does not open before it closes; fact {@code field} when the caller knows it.
     */
    WINDOW_NOT_ORDERED,
    // rosters
    EMPTY_ROSTER,
    /** Fact {@code max}: the most lines one import takes. */
    ROSTER_TOO_LARGE,
    /** Fact {@code max}: the longest reason, in characters. */
    UNBIND_REASON_INVALID,
    NOT_BOUND,
    // students
    COLLECTION_NOT_FOUND,
    LOGIN_CODE_MISSING,
    WECHAT_LOGIN_FAILED,
    SCHOOL_MISSING,
    NAME_MISSING,
    CHSI_CODE_MISSING,
    PHONE_CODE_MISSING,
    ID_LAST_FOUR_INVALID,
    ID_TYPE_MISSING,
    /** Fact {@code why}: what is wrong with the number, as its validation said it. */
    ID_NUMBER_INVALID,
    CHSI_IMAGE_MISSING,
    NO_CODE_FOUND,
    PHONE_NOT_AUTHORISED,
    MATCH_EXPIRED,
    /** Fact {@code retryAfterSeconds}. */
    TOO_MANY_ATTEMPTS,
    NO_MATCH,
    /** Fact {@code signUp}: the batch's sign-up {@link CollectionWindow}. */
    OUTSIDE_WINDOW,
    MODE_NOT_OFFERED
  }

  public IdentityRefusal(Reason reason) {
    this(reason, Map.of());
  }

  public IdentityRefusal(Reason reason, Map<String, Object> facts) {
    super(reason, facts);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
