package org.gradphoto.identity.application.port.out;

import io.smallrye.mutiny.Uni;

/** WeChat's server APIs for the mini-program: code-to-session and the phone-number code. */
public interface WeChatGateway {
  /** The openid behind a wx.login code; fails with {@link Rejected} for a bad or used code. */
  Uni<String> openIdFor(String loginCode);

  /** The phone number the student authorised with getPhoneNumber; {@link Rejected} if invalid. */
  Uni<String> phoneNumberFor(String phoneCode);

  /** WeChat refused the code (invalid, expired or used). */
  final class Rejected extends RuntimeException {
    public Rejected(String message) {
      super(message);
    }
  }
}
