package org.gradphoto.kernel.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.UUID;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.event.EventEnvelope;
import org.gradphoto.kernel.event.ReviewPassed;
import org.gradphoto.kernel.messaging.Outbox;

@Path("/test")
public class TestResource {
  private final Outbox outbox;

  TestResource(Outbox outbox) {
    this.outbox = outbox;
  }

  public record NewAccount(@NotBlank String name, @Size(max = 3) String tag) {}

  public record Created(UUID accountId, UUID eventId) {}

  /** Creates an account and its event in one transaction; {@code fail} breaks it at the end. */
  @POST
  @Path("/accounts")
  public Uni<Created> create(@Valid NewAccount body, @QueryParam("fail") boolean fail) {
    TestAccount account = new TestAccount();
    account.id = UUID.randomUUID();
    account.name = body.name();
    EventEnvelope<ReviewPassed> event =
        EventEnvelope.of(
            new ReviewPassed(
                account.id,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "10999",
                "tester",
                "key",
                Instant.now()),
            account.id.toString(),
            "corr",
            Instant.now());
    return Panache.withTransaction(
        () ->
            account
                .persist()
                .chain(() -> outbox.append(event))
                .chain(
                    () ->
                        fail
                            ? Uni.createFrom()
                                .failure(new IllegalStateException("boom for " + body.name()))
                            : Uni.createFrom().item(new Created(account.id, event.eventId()))));
  }

  @GET
  @Path("/accounts/{id}/exists")
  public Uni<Boolean> exists(@PathParam("id") UUID id) {
    return Panache.withSession(() -> TestAccount.findById(id).map(a -> a != null));
  }

  @GET
  @Path("/outbox/total")
  public Uni<Long> outboxRows() {
    return Panache.withSession(
        () ->
            Panache.getSession()
                .chain(
                    s ->
                        s.createNativeQuery("select count(*) from outbox_event", Long.class)
                            .getSingleResult()));
  }

  @GET
  @Path("/tally/{aggregateId}")
  public Uni<Integer> tally(@PathParam("aggregateId") UUID aggregateId) {
    return Panache.withSession(
        () -> Tally.<Tally>findById(aggregateId).map(t -> t == null ? 0 : t.applied));
  }

  @GET
  @Path("/problem")
  public Uni<String> problem() {
    throw ProblemException.conflict("ALREADY_SUBMITTED", "照片已提交，不能重复提交");
  }
}
