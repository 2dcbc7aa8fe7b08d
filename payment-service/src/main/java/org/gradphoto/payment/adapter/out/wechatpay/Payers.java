package org.gradphoto.payment.adapter.out.wechatpay;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who pays: the WeChat openid of the student for the merchant's app id. */
public final class Payers {
  /** Claim of the student token that carries the openid (set by identity-service). */
  public static final String OPENID_CLAIM = "openid";

  private Payers() {}

  public static Optional<String> openid(JsonWebToken token) {
    Object claim = token.getClaim(OPENID_CLAIM);
    return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
  }

  /** In the sandbox a student without an openid claim pays as this stable stand-in. */
  public static String sandboxOpenid(UUID studentId) {
    return "sandbox-" + studentId.toString().replace("-", "");
  }
}
