package org.gradphoto.review.adapter.in.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;
import org.gradphoto.review.application.port.in.BatchProgress;
import org.gradphoto.review.application.port.in.BrowseReviewsUseCase;
import org.gradphoto.review.application.port.in.ClaimTaskUseCase;
import org.gradphoto.review.application.port.in.DecideTaskUseCase;
import org.gradphoto.review.application.port.in.DecideTaskUseCase.DecideCommand;
import org.gradphoto.review.application.port.in.QueueFilter;
import org.gradphoto.review.application.port.in.ReopenDecisionUseCase;
import org.gradphoto.review.application.port.in.Staff;
import org.gradphoto.review.domain.Outcome;
import org.gradphoto.review.domain.ReviewTask.ReasonChoice;
import org.gradphoto.review.domain.SpecWindows;
import org.gradphoto.review.domain.TaskStatus;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The reviewers' API (Keycloak staff tokens). Reviewers and school admins see their schools only;
 * operators see all. Reviewers and operators claim and decide; only operators reopen.
 */
@Path("/staff")
@RolesAllowed({Actor.REVIEWER, Actor.SCHOOL_ADMIN, Actor.SCHOOL_VIEWER, Actor.OPERATOR})
public class StaffResource {
  private final BrowseReviewsUseCase browse;
  private final ClaimTaskUseCase claims;
  private final DecideTaskUseCase decisions;
  private final ReopenDecisionUseCase reopening;
  private final SecurityIdentity identity;
  private final Clock clock;

  StaffResource(
      BrowseReviewsUseCase browse,
      ClaimTaskUseCase claims,
      DecideTaskUseCase decisions,
      ReopenDecisionUseCase reopening,
      SecurityIdentity identity,
      Clock clock) {
    this.browse = browse;
    this.claims = claims;
    this.decisions = decisions;
    this.reopening = reopening;
    this.identity = identity;
    this.clock = clock;
  }

  /** Who is signed in, as the console shows it. */
  public record Me(String id, String name, List<String> roles, List<String> schools) {}

  public record ReasonInput(@NotNull String code, @Size(max = 200) String text) {}

  public record DecisionInput(
      @NotNull Outcome outcome, List<@Valid ReasonInput> reasons, @Size(max = 500) String note) {}

  public record ReopenInput(@NotNull @Size(min = 1, max = 500) String reason) {}

  @GET
  @Path("/me")
  public Me me() {
    Staff s = staff();
    return new Me(
        s.id(),
        s.name(),
        s.actor().roles().stream().sorted().toList(),
        s.actor().schools().stream().sorted().toList());
  }

  /** The fixed list of rejection reasons, with the sentence each one shows the student. */
  @GET
  @Path("/reasons")
  public List<StaffViews.ReasonView> reasons() {
    return browse.reasons().stream().map(StaffViews.ReasonView::of).toList();
  }

  /** The spec profiles' geometry windows (what the console draws over the photo). */
  @GET
  @Path("/profiles")
  public List<SpecWindows> profiles() {
    return browse.profiles();
  }

  /** The queue, by due time. */
  @GET
  @Path("/tasks")
  @WithSession
  public Uni<StaffViews.QueueView> queue(
      @RestQuery String school,
      @RestQuery UUID batch,
      @RestQuery Boolean overdue,
      @RestQuery Boolean flagged,
      @RestQuery TaskStatus status,
      @RestQuery boolean available,
      @RestQuery int limit,
      @RestQuery int offset) {
    Staff s = staff();
    var now = clock.instant();
    return browse
        .queue(
            s, new QueueFilter(school, batch, overdue, flagged, status, available, limit, offset))
        .map(
            page ->
                new StaffViews.QueueView(
                    page.total(),
                    page.tasks().stream().map(t -> StaffViews.item(t, s.id(), now)).toList()));
  }

  @GET
  @Path("/tasks/{id}")
  @WithSession
  public Uni<StaffViews.TaskView> task(@PathParam("id") UUID id) {
    Staff s = staff();
    return browse.task(s, id).map(d -> StaffViews.task(d, s.id(), clock.instant()));
  }

  /** Claims a task for the lease (or renews one's own claim). 409 if another reviewer holds it. */
  @POST
  @Path("/tasks/{id}/claim")
  @WithTransaction
  public Uni<StaffViews.TaskView> claim(@PathParam("id") UUID id) {
    Staff s = staff();
    return claims.claim(s, id).map(d -> StaffViews.task(d, s.id(), clock.instant()));
  }

  @DELETE
  @Path("/tasks/{id}/claim")
  @WithTransaction
  public Uni<Response> release(@PathParam("id") UUID id) {
    return claims.release(staff(), id).replaceWith(Response.noContent().build());
  }

  /** Claims the first available task by due time; 204 when the queue is empty. */
  @POST
  @Path("/queue/next")
  @WithTransaction
  public Uni<Response> claimNext(
      @RestQuery String school,
      @RestQuery UUID batch,
      @RestQuery Boolean overdue,
      @RestQuery Boolean flagged) {
    Staff s = staff();
    return claims
        .claimNext(s, new QueueFilter(school, batch, overdue, flagged, null, true, 10, 0))
        .map(
            found ->
                found
                    .map(d -> Response.ok(StaffViews.task(d, s.id(), clock.instant())).build())
                    .orElseGet(() -> Response.noContent().build()));
  }

  /** Passes or rejects the claimed task, finally. */
  @POST
  @Path("/tasks/{id}/decision")
  @WithTransaction
  public Uni<StaffViews.TaskView> decide(
      @PathParam("id") UUID id, @Valid @NotNull DecisionInput input) {
    Staff s = staff();
    List<ReasonChoice> reasons =
        input.reasons() == null
            ? List.of()
            : input.reasons().stream().map(r -> new ReasonChoice(r.code(), r.text())).toList();
    return decisions
        .decide(s, id, new DecideCommand(input.outcome(), reasons, input.note()))
        .map(d -> StaffViews.task(d, s.id(), clock.instant()));
  }

  /** An operator reopens a decision, giving the reason. */
  @POST
  @Path("/tasks/{id}/reopen")
  @WithTransaction
  public Uni<StaffViews.TaskView> reopen(
      @PathParam("id") UUID id, @Valid @NotNull ReopenInput input) {
    Staff s = staff();
    return reopening
        .reopen(s, id, input.reason())
        .map(d -> StaffViews.task(d, s.id(), clock.instant()));
  }

  @GET
  @Path("/tasks/{id}/audit")
  @WithSession
  public Uni<List<StaffViews.AuditView>> audit(@PathParam("id") UUID id) {
    return browse.audit(staff(), id).map(l -> l.stream().map(StaffViews.AuditView::of).toList());
  }

  @GET
  @Path("/collections/{id}/audit")
  @WithSession
  public Uni<List<StaffViews.AuditView>> collectionAudit(@PathParam("id") UUID id) {
    return browse
        .collectionAudit(staff(), id)
        .map(l -> l.stream().map(StaffViews.AuditView::of).toList());
  }

  /** Progress per batch. */
  @GET
  @Path("/progress")
  @WithSession
  public Uni<List<BatchProgress>> progress(@RestQuery String school) {
    return browse.progress(staff(), school);
  }

  private Staff staff() {
    return new Staff(Actors.of(identity), identity.getPrincipal().getName());
  }
}
