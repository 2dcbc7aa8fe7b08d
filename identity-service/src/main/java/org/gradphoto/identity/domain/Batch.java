package org.gradphoto.identity.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;

/**
 * A collection batch of one school: when students may sign up and pay ({@code signUp}) and when
 * they may shoot ({@code window}, 开通时间), what it costs and when that is paid, the photo spec, which
 * eligibility modes are on, the review time promised and everything students are told (notice,
 * shooting requirements, review promise, support contact). Every text a student reads about the
 * batch comes from here, not from the app.
 */
public record Batch(
    UUID id,
    String schoolCode,
    String name,
    CollectionWindow window,
    long priceFen,
    PaymentPolicy paymentPolicy,
    String specProfile,
    Set<EligibilityMode> modes,
    String reviewPromise,
    String serviceDescription,
    String shootingRequirements,
    boolean allowSubmitWithFindings,
    List<String> backgroundColours,
    long uploadMinBytes,
    long uploadMaxBytes,
    CollectionWindow signUp,
    String notice,
    String reviewPromiseText,
    String supportPhone,
    String supportHours) {

  /** Review promises the platform understands: 24 hours or two working days. */
  public static final Set<String> REVIEW_PROMISES = Set.of("PT24H", "P2WD");

  /** The gateway accepts bodies up to 10 MiB; a larger limit could never be reached. */
  public static final long MAX_UPLOAD_BYTES = 10_000_000;

  /** Below this no phone photo meets the spec's resolution. */
  public static final long MIN_UPLOAD_CEILING = 100_000;

  private static final int LONG_TEXT = 5000;
  private static final int SHORT_TEXT = 60;
  private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{4,19}");

  public Batch {
    if (name == null || name.isBlank()) {
      throw new IdentityRefusal(Reason.BATCH_NAME_MISSING);
    }
    if (priceFen < 0) {
      throw new IdentityRefusal(Reason.PRICE_NEGATIVE);
    }
    if (modes == null || modes.isEmpty()) {
      throw new IdentityRefusal(Reason.NO_ELIGIBILITY_MODE);
    }
    if (!REVIEW_PROMISES.contains(reviewPromise)) {
      throw new IdentityRefusal(Reason.REVIEW_PROMISE_UNKNOWN, Map.of("allowed", REVIEW_PROMISES));
    }
    if (specProfile == null || specProfile.isBlank()) {
      throw new IdentityRefusal(Reason.SPEC_PROFILE_MISSING);
    }
    if (backgroundColours == null || backgroundColours.isEmpty()) {
      throw new IdentityRefusal(Reason.NO_BACKGROUND_COLOUR);
    }
    if (uploadMinBytes < 0) {
      throw new IdentityRefusal(Reason.UPLOAD_MIN_NEGATIVE);
    }
    if (uploadMaxBytes <= uploadMinBytes) {
      throw new IdentityRefusal(Reason.UPLOAD_MAX_NOT_ABOVE_MIN);
    }
    if (uploadMaxBytes > MAX_UPLOAD_BYTES) {
      throw new IdentityRefusal(Reason.UPLOAD_MAX_TOO_LARGE, Map.of("max", MAX_UPLOAD_BYTES));
    }
    if (uploadMaxBytes < MIN_UPLOAD_CEILING) {
      throw new IdentityRefusal(Reason.UPLOAD_MAX_TOO_SMALL, Map.of("min", MIN_UPLOAD_CEILING));
    }
    if (signUp == null) {
      signUp = window;
    }
    if (window != null && signUp.opensAt().isAfter(window.opensAt())) {
      throw new IdentityRefusal(Reason.SIGN_UP_OPENS_AFTER_SHOOTING);
    }
    if (window != null && signUp.closesAt().isAfter(window.closesAt())) {
      throw new IdentityRefusal(Reason.SIGN_UP_CLOSES_AFTER_SHOOTING);
    }
    notice = text(notice, "notice", LONG_TEXT);
    shootingRequirements = text(shootingRequirements, "shootingRequirements", LONG_TEXT);
    serviceDescription = text(serviceDescription, "serviceDescription", LONG_TEXT);
    reviewPromiseText = text(reviewPromiseText, "reviewPromiseText", SHORT_TEXT);
    supportHours = text(supportHours, "supportHours", SHORT_TEXT);
    supportPhone = text(supportPhone, "supportPhone", SHORT_TEXT);
    if (supportPhone != null && !PHONE.matcher(supportPhone).matches()) {
      throw new IdentityRefusal(Reason.SUPPORT_PHONE_INVALID);
    }
    modes = Set.copyOf(modes);
    backgroundColours = List.copyOf(backgroundColours);
  }

  public boolean offers(EligibilityMode mode) {
    return modes.contains(mode);
  }

  /** The same terms under another id (a new batch gets its id from the service). */
  public Batch withId(UUID newId) {
    return new Batch(
        newId,
        schoolCode,
        name,
        window,
        priceFen,
        paymentPolicy,
        specProfile,
        modes,
        reviewPromise,
        serviceDescription,
        shootingRequirements,
        allowSubmitWithFindings,
        backgroundColours,
        uploadMinBytes,
        uploadMaxBytes,
        signUp,
        notice,
        reviewPromiseText,
        supportPhone,
        supportHours);
  }

  /** The review promise as the student reads it: the batch's own words, or the platform's. */
  public String reviewPromiseShown() {
    if (reviewPromiseText != null) {
      return reviewPromiseText;
    }
    return "PT24H".equals(reviewPromise) ? "24小时内" : "两个工作日内";
  }

  /** Blank means none; otherwise stripped and at most {@code max} characters. */
  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new IdentityRefusal(Reason.TEXT_TOO_LONG, Map.of("field", field, "max", max));
    }
    return v;
  }
}
