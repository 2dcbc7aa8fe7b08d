package org.gradphoto.identity.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A collection batch of one school: when it is open, what it costs and when that is paid, the photo
 * spec, which eligibility modes are on, the review time promised and what students are told.
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
    long uploadMaxBytes) {

  /** Review promises the platform understands: 24 hours or two working days. */
  public static final Set<String> REVIEW_PROMISES = Set.of("PT24H", "P2WD");

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
    if (uploadMinBytes < 0 || uploadMaxBytes <= uploadMinBytes) {
      throw new IllegalArgumentException("uploadMaxBytes: 上传大小上限必须大于下限");
    }
    modes = Set.copyOf(modes);
    backgroundColours = List.copyOf(backgroundColours);
  }

  public boolean offers(EligibilityMode mode) {
    return modes.contains(mode);
  }
}
