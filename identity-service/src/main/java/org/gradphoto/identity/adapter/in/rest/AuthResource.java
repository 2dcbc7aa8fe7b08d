package org.gradphoto.identity.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.gradphoto.identity.application.port.in.StudentLoginUseCase;

/** Student sign-in with WeChat, and the public keys that verify the tokens issued here. */
@Path("/auth")
@PermitAll
public class AuthResource {
  private final StudentLoginUseCase login;

  AuthResource(StudentLoginUseCase login) {
    this.login = login;
  }

  /** {@code code}: what the mini-program's wx.login returned. */
  public record WeChatLogin(String code) {}

  public record Session(String accessToken, long expiresIn, UUID studentId) {}

  @POST
  @Path("/wechat-login")
  public Uni<Session> weChatLogin(WeChatLogin body) {
    return login
        .login(body == null ? null : body.code())
        .map(s -> new Session(s.accessToken(), s.expiresIn(), s.studentId()));
  }

  @GET
  @Path("/jwks")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Map<String, Object>> jwks() {
    return login.publishedKeys();
  }
}
