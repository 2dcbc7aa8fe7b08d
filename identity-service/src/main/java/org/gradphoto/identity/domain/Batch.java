package org.gradphoto.identity.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
      throw new IllegalArgumentException("name: 请填写批次名称");
    }
    if (priceFen < 0) {
      throw new IllegalArgumentException("priceFen: 价格不能为负数");
    }
    if (modes == null || modes.isEmpty()) {
      throw new IllegalArgumentException("modes: 至少开通一种获取采集资格的方式");
    }
    if (!REVIEW_PROMISES.contains(reviewPromise)) {
      throw new IllegalArgumentException("reviewPromise: 审核时限只能是 PT24H 或 P2WD");
    }
    if (specProfile == null || specProfile.isBlank()) {
      throw new IllegalArgumentException("specProfile: 请选择照片规格");
    }
    if (backgroundColours == null || backgroundColours.isEmpty()) {
      throw new IllegalArgumentException("backgroundColours: 至少允许一种背景色");
    }
    if (uploadMinBytes < 0) {
      throw new IllegalArgumentException("uploadMinBytes: 上传大小下限不能为负数");
    }
    if (uploadMaxBytes <= uploadMinBytes) {
      throw new IllegalArgumentException("uploadMaxBytes: 上传大小上限必须大于下限");
    }
    if (uploadMaxBytes > MAX_UPLOAD_BYTES) {
      throw new IllegalArgumentException("uploadMaxBytes: 上传大小上限不能超过10MB（10000000字节）");
    }
    if (uploadMaxBytes < MIN_UPLOAD_CEILING) {
      throw new IllegalArgumentException("uploadMaxBytes: 上传大小上限不能低于100KB，否则照片达不到规格要求的清晰度");
    }
    if (signUp == null) {
      signUp = window;
    }
    if (window != null && signUp.opensAt().isAfter(window.opensAt())) {
      throw new IllegalArgumentException("signUpOpensAt: 报名缴费的开始时间不能晚于拍摄开始时间");
    }
    if (window != null && signUp.closesAt().isAfter(window.closesAt())) {
      throw new IllegalArgumentException("signUpClosesAt: 报名缴费的截止时间不能晚于拍摄结束时间");
    }
    notice = text(notice, "notice", "批次通知", LONG_TEXT);
    shootingRequirements = text(shootingRequirements, "shootingRequirements", "拍摄要求", LONG_TEXT);
    serviceDescription = text(serviceDescription, "serviceDescription", "服务内容", LONG_TEXT);
    reviewPromiseText = text(reviewPromiseText, "reviewPromiseText", "审核时限说明", SHORT_TEXT);
    supportHours = text(supportHours, "supportHours", "客服时间", SHORT_TEXT);
    supportPhone = text(supportPhone, "supportPhone", "客服电话", SHORT_TEXT);
    if (supportPhone != null && !PHONE.matcher(supportPhone).matches()) {
      throw new IllegalArgumentException(
          "supportPhone: 客服电话只能由数字和“-”组成，例如 010-12345678 或 13800138000");
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
  private static String text(String value, String field, String label, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new IllegalArgumentException(field + ": " + label + "不能超过" + max + "个字");
    }
    return v;
  }
}
