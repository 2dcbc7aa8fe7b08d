package org.gradphoto.kernel.web;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gradphoto.kernel.messaging.DeadLetters;
import org.gradphoto.kernel.security.Actor;

/**
 * Operators list this service's dead letters and replay one after the cause is fixed. Every service
 * has it (the kernel's dead-letter topics are per service), under the gateway as {@code
 * /api/<service>/ops/dead-letters}.
 */
@Path("/ops/dead-letters")
@RolesAllowed(Actor.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
  private final DeadLetters deadLetters;

  DeadLetterResource(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** Every parked message of the service, oldest first. */
  @GET
  public Uni<List<DeadLetters.Entry>> list() {
    return deadLetters.list();
  }

  /** Puts one parked message back on the topic it came from. */
  @POST
  @Path("/{topic}/{partition}/{offset}/replay")
  public Uni<DeadLetters.Entry> replay(
      @PathParam("topic") String topic,
      @PathParam("partition") int partition,
      @PathParam("offset") long offset) {
    return deadLetters.replay(topic, partition, offset);
  }
}
