package org.gradphoto.delivery.adapter.out.wechat;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gradphoto.delivery.application.port.out.SubscriptionMessenger;

/**
 * Local runs and tests: records each message instead of calling WeChat. Logs ids and the kind only,
 * never the openid.
 */
public class SandboxSubscriptionMessenger implements SubscriptionMessenger {
  private final List<Message> sent = new CopyOnWriteArrayList<>();

  @Override
  public String channel() {
    return "wechat-sandbox";
  }

  @Override
  public Uni<Result> send(Message message) {
    sent.add(message);
    String id = "sandbox-" + UUID.randomUUID();
    Log.infof(
        "sandbox subscription message %s: %s for collection %s",
        id, message.kind(), message.collectionId());
    return Uni.createFrom().item(new Result(true, id));
  }

  /** What would have been sent, oldest first. */
  public List<Message> sent() {
    return List.copyOf(sent);
  }
}
