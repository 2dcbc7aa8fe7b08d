package org.gradphoto.identity.adapter.out.wechat;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gradphoto.identity.application.port.out.WeChatGateway;

/**
 * Stands in for WeChat in local runs and tests, where no mini-program exists. The same login code
 * always gives the same openid ({@code sandbox-} + SHA-256 of the code), so a developer "is" one
 * student per code. A phone code is taken as the phone number itself.
 */
public class SandboxWeChatGateway implements WeChatGateway {

  @Override
  public Uni<String> openIdFor(String loginCode) {
    if (loginCode == null || loginCode.isBlank() || loginCode.length() > 128) {
      return Uni.createFrom().failure(new Rejected("invalid login code"));
    }
    return Uni.createFrom().item("sandbox-" + sha256(loginCode.strip()).substring(0, 24));
  }

  @Override
  public Uni<String> phoneNumberFor(String phoneCode) {
    if (phoneCode == null || !phoneCode.strip().matches("(\\+86)?1[3-9]\\d{9}")) {
      return Uni.createFrom().failure(new Rejected("sandbox phone codes are the phone number"));
    }
    return Uni.createFrom().item(phoneCode.strip());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
