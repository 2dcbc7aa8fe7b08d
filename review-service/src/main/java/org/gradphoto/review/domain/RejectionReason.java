package org.gradphoto.review.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed list of reasons a reviewer may give, following the photo spec. {@code label} is what
 * the reviewer picks; {@code sentence} is what the student reads (for {@link #OTHER}, the
 * reviewer's own text).
 */
public enum RejectionReason {
  HEAD_TILTED("头部歪斜或未正对镜头", "头部歪斜或未正对镜头，请端正坐姿、双眼平视镜头后重拍。"),
  BACKGROUND("背景不符合要求", "背景不均匀或有杂物、阴影，请在干净的白墙前重拍。"),
  CLOTHES_COLOUR("服装颜色与背景相近", "服装颜色与背景相近或有复杂图案，请换深色、有领的纯色服装后重拍（勿穿蓝色）。"),
  GLASSES_GLARE("眼镜反光或有色镜片", "眼镜反光或镜片有颜色，请调整角度避免反光；如非日常佩戴请摘下眼镜后重拍。"),
  HAIR_COVERS_FACE("头发遮挡眉毛或耳朵", "头发遮挡了眉毛、眼睛或耳朵，请整理头发，露出眉毛和双耳后重拍。"),
  ACCESSORIES("佩戴饰品或帽子", "请摘下帽子、耳环、项链等饰品后重拍。"),
  EXPRESSION("表情不自然", "请保持自然表情，双眼睁开、嘴巴闭合后重拍。"),
  BLURRY("照片模糊", "照片不清晰，请在光线充足处对焦清楚后重拍，勿翻拍照片。"),
  LIGHTING("光线不均匀", "面部光线不均匀或有阴影、反光，请在光线均匀明亮的地方重拍。"),
  NOT_THE_STUDENT("照片非本人", "照片与本人信息不符，请上传本人近期正面免冠照片。"),
  SELFIE("自拍照", "请勿自拍，请他人使用后置摄像头为您拍摄后重新上传。"),
  OTHER("其他（请填写说明）", null);

  /** Longest own text a reviewer may give with {@link #OTHER}. */
  public static final int MAX_TEXT = 200;

  private final String label;
  private final String sentence;

  RejectionReason(String label, String sentence) {
    this.label = label;
    this.sentence = sentence;
  }

  public String label() {
    return label;
  }

  /** The student's sentence; null for {@link #OTHER}, whose sentence the reviewer writes. */
  public String sentence() {
    return sentence;
  }

  public boolean needsText() {
    return this == OTHER;
  }

  public static Optional<RejectionReason> byCode(String code) {
    return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
  }
}
