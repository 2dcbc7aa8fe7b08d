package org.gradphoto.identity.adapter.out.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import org.gradphoto.identity.application.port.out.WeChatGateway;

/**
 * The WeChat adapter (WxJava): jscode2session for the openid, getuserphonenumber for the authorised
 * phone; against WeChat, or the local WeChat when an API host is set. WxJava blocks on HTTP, so
 * calls run on worker threads.
 */
public class WxJavaWeChatGateway implements WeChatGateway {
  private final WxMaService service;

  public WxJavaWeChatGateway(String appId, String secret, Optional<String> apiHost) {
    WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
    config.setAppid(appId);
    config.setSecret(secret);
    // WxJava's own host setting: every URL it builds, access token included, goes there.
    apiHost.ifPresent(config::setApiHostUrl);
    WxMaService s = new WxMaServiceImpl();
    s.setWxMaConfig(config);
    this.service = s;
  }

  @Override
  public Uni<String> openIdFor(String loginCode) {
    return Uni.createFrom()
        .item(
            () -> {
              try {
                return service.getUserService().getSessionInfo(loginCode).getOpenid();
              } catch (WxErrorException e) {
                // The error code says why (40029 invalid code, 40163 used); no user data in it.
                Log.infof("jscode2session refused: errcode %d", e.getError().getErrorCode());
                throw new Rejected("WeChat refused the login code");
              }
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  @Override
  public Uni<String> phoneNumberFor(String phoneCode) {
    return Uni.createFrom()
        .item(
            () -> {
              try {
                return service.getUserService().getPhoneNumber(phoneCode).getPurePhoneNumber();
              } catch (WxErrorException e) {
                Log.infof("getuserphonenumber refused: errcode %d", e.getError().getErrorCode());
                throw new Rejected("WeChat refused the phone code");
              }
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
