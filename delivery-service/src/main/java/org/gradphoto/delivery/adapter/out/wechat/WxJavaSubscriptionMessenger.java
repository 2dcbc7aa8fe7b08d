package org.gradphoto.delivery.adapter.out.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.smallrye.mutiny.Uni;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import org.gradphoto.delivery.application.port.out.Blocking;
import org.gradphoto.delivery.application.port.out.SubscriptionMessenger;
import org.gradphoto.delivery.config.WechatConfig;

/** Sends the review result through WeChat's subscribeMessage.send, with WxJava. */
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
    c.setAppid(config.appId().orElseThrow(() -> missing("app-id")));
    c.setSecret(config.appSecret().orElseThrow(() -> missing("app-secret")));
    config.reviewTemplateId().orElseThrow(() -> missing("review-template-id"));
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
            .setTemplateId(config.reviewTemplateId().orElseThrow())
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

  private static IllegalStateException missing(String key) {
    return new IllegalStateException("gradphoto.wechat." + key + " is required in live mode");
  }
}
