package org.gradphoto.engine;

/** What each finding tells the student, in Chinese: what went wrong and what to do. */
final class Messages {
  private Messages() {}

  static String of(FindingCode code) {
    return switch (code) {
      case NO_FACE -> "照片中没有检测到人脸，请正对镜头、露出完整面部后重新拍摄。";
      case MULTIPLE_FACES -> "照片中不止一个人，请单独拍摄，画面中只能有你本人。";
      case LOW_RESOLUTION -> "照片清晰度不够（人脸太小或图片被压缩过），请用手机后置摄像头在 1 米左右的距离重新拍摄原图，不要截图或翻拍。";
      case HEAD_CUT_OFF -> "头顶或下巴超出了画面，请让整个头部（包括头发）都在画面内、上方留出空隙后重新拍摄。";
      case SHOULDERS_MISSING -> "取景太紧，画面中没有完整的肩膀，请后退一些，拍到胸口以上后重新拍摄。";
      case HEAD_TILTED -> "头部歪斜，请坐正、摆正头部，让两眼保持水平后重新拍摄（照片不能通过旋转来修正）。";
      case FACE_TURNED -> "脸没有正对镜头，请正视镜头、两耳对称后重新拍摄。";
      case EYES_CLOSED -> "检测到闭眼，请睁开双眼、直视镜头后重新拍摄。";
      case MOUTH_OPEN -> "嘴巴张开或露出了牙齿，证件照要求双唇自然闭合，请闭上嘴、不要露齿笑后重新拍摄。";
      case BLURRY -> "照片模糊，请擦干净镜头、拿稳手机并对焦在脸上后重新拍摄。";
      case UNDEREXPOSED -> "脸部太暗，请在光线充足的地方（面向窗户或灯光）重新拍摄，不要背光。";
      case OVEREXPOSED -> "脸部过亮、发白，请避开强光直射、关闭闪光灯后重新拍摄。";
      case UNEVEN_LIGHTING -> "脸上有阴影或光线不均匀（阴阳脸），请面向光源、避开帽檐、窗框等投下的影子，让整张脸亮度一致后重新拍摄。";
      case GLARE -> "眼睛前有反光或光斑（眼镜反光），请调整灯光角度或摘下眼镜（平时不戴的话）后重新拍摄，眼睛必须清楚可见。";
      case NOT_COLOUR -> "照片是黑白的，请上传彩色照片。";
      case BACKGROUND_CLUTTERED -> "背景杂乱，换底后边缘可能不自然，建议站在纯色墙面前重新拍摄。";
      case SUBJECT_NOT_SEPARABLE ->
          "人像和背景分不开：背景颜色和头发、皮肤太接近（或背景太杂乱），换底时会留下旧背景或缺掉头发。请站到纯色墙前重拍，墙的颜色要和头发、衣服明显不同（例如浅色的白墙）。";
      case CLOTHING_MATCHES_BACKGROUND -> "衣服颜色和背景色太接近，请换一件颜色明显不同的上衣（例如深色衣服）后重新拍摄。";
      case GEOMETRY_OUT_OF_SPEC -> "头部在照片中的位置或大小不符合规格，请按取景框调整拍摄距离和位置后重新拍摄。";
      case FILE_SIZE_OUT_OF_SPEC -> "照片压缩后的文件大小不在规定范围内，请重新拍摄；如仍出现请联系工作人员。";
    };
  }
}
