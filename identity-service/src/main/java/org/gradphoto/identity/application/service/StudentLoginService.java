package org.gradphoto.identity.application.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.gradphoto.identity.application.port.in.StudentLoginUseCase;
import org.gradphoto.identity.application.port.out.StudentAccounts;
import org.gradphoto.identity.application.port.out.StudentTokenIssuer;
import org.gradphoto.identity.application.port.out.WeChatGateway;
import org.gradphoto.identity.domain.IdentityRefusal;
import org.gradphoto.identity.domain.IdentityRefusal.Reason;
import org.gradphoto.kernel.crypto.KeyedHash;
import org.gradphoto.kernel.crypto.Sealer;

@ApplicationScoped
class StudentLoginService implements StudentLoginUseCase {
  private final WeChatGateway weChat;
  private final StudentAccounts accounts;
  private final StudentTokenIssuer tokens;
  private final KeyedHash hash;
  private final Sealer sealer;

  StudentLoginService(
      WeChatGateway weChat,
      StudentAccounts accounts,
      StudentTokenIssuer tokens,
      KeyedHash hash,
      Sealer sealer) {
    this.weChat = weChat;
    this.accounts = accounts;
    this.tokens = tokens;
    this.hash = hash;
    this.sealer = sealer;
  }

  @Override
  public Uni<StudentSession> login(String wxLoginCode) {
    if (wxLoginCode == null || wxLoginCode.isBlank()) {
      throw new IdentityRefusal(Reason.LOGIN_CODE_MISSING);
    }
    return weChat
        .openIdFor(wxLoginCode)
        .onFailure(WeChatGateway.Rejected.class)
        .transform(e -> new IdentityRefusal(Reason.WECHAT_LOGIN_FAILED))
        // The openid is looked up by keyed hash and kept sealed, like an ID number.
        .chain(
            openId ->
                accounts
                    .findOrCreate(hash.hash("openid:" + openId), sealer.seal(openId))
                    .chain(
                        studentId ->
                            tokens
                                .issue(studentId, openId)
                                .map(
                                    t ->
                                        new StudentSession(
                                            t.token(), t.expiresInSeconds(), studentId))));
  }

  @Override
  public Uni<Map<String, Object>> publishedKeys() {
    return tokens.jwks();
  }
}
