package org.gradphoto.review.domain;

/** Result of comparing a passed photo's submission with the roster record (信息比对). */
public record Comparison(boolean matched, String note) {
  public static Comparison match() {
    return new Comparison(true, null);
  }

  public static Comparison mismatch(String note) {
    return new Comparison(false, note);
  }
}
