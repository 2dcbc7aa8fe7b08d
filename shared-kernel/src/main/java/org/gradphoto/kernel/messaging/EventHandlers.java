package org.gradphoto.kernel.messaging;

import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.EventPayload;

/** What a consumer does with each event type it cares about; other types are skipped. */
public final class EventHandlers {
  private final Map<Class<?>, Function<EventEnvelope<EventPayload>, Uni<Void>>> handlers =
      new LinkedHashMap<>();

  public static EventHandlers create() {
    return new EventHandlers();
  }

  @SuppressWarnings("unchecked")
  public <P extends EventPayload> EventHandlers on(
      Class<P> type, Function<EventEnvelope<P>, Uni<Void>> handler) {
    handlers.put(type, e -> handler.apply((EventEnvelope<P>) (EventEnvelope<?>) e));
    return this;
  }

  Optional<Function<EventEnvelope<EventPayload>, Uni<Void>>> handlerFor(EventPayload payload) {
    return Optional.ofNullable(handlers.get(payload.getClass()));
  }
}
