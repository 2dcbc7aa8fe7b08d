package org.gradphoto.delivery.adapter.out.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.SubscriptionMessenger;
import org.gradphoto.delivery.config.WechatConfig;

/**
 * Sends the review result through WeChat's subscribeMessage.send, with WxJava. The one code path:
 * tests and the local platform only change the API host (the local WeChat keeps an inbox).
 */
@ApplicationScoped
public class WxJavaSubscriptionMessenger implements SubscriptionMessenger {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final WechatConfig config;
  private final WxMaService wechat;
  private final Blocking blocking;

  public WxJavaSubscriptionMessenger(WechatConfig config, Blocking blocking) {
    this.config = config;
    this.blocking = blocking;
    WxMaDefaultConfigImpl c = new WxMaDefaultConfigImpl();
    c.setAppid(config.appId());
    c.setSecret(config.appSecret());
    config.apiHost().filter(h -> !h.isBlank()).ifPresent(c::setApiHostUrl);
    WxMaServiceImpl service = new WxMaServiceImpl();
    service.setWxMaConfig(c);
    this.wechat = service;
  }

  @Override
  public String channel() {
    return "wechat";
  }

  @Override
  public Uni<Result> send(Message m) {
    if (m.openId() == null || m.openId().isBlank()) {
      return Uni.createFrom().item(new Result(false, "no openid known for the student"));
    }
    WxMaSubscribeMessage msg =
        new WxMaSubscribeMessage()
            .setToUser(m.openId())
            .setTemplateId(config.reviewTemplateId())
            .setPage(MiniProgramPages.collection(m.collectionId()))
            .setMiniprogramState(config.miniprogramState())
            .setLang("zh_CN")
            .setData(
                List.of(
                    new WxMaSubscribeMessage.MsgData(config.resultKey(), m.kind().result()),
                    new WxMaSubscribeMessage.MsgData(config.timeKey(), TIME.format(m.decidedAt())),
                    new WxMaSubscribeMessage.MsgData(config.remarkKey(), m.kind().remark())));
    return blocking.call(
        () -> {
          try {
            wechat.getMsgService().sendSubscribeMsg(msg);
            return new Result(true, "sent");
          } catch (WxErrorException e) {
            // errcode 43101: the student's authorisation is used up or was never given.
            return new Result(
                false,
                "wechat error " + e.getError().getErrorCode() + ": " + e.getError().getErrorMsg());
          }
        });
  }
}
