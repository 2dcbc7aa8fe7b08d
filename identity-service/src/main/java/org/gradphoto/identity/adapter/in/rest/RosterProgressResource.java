package org.gradphoto.identity.adapter.in.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gradphoto.identity.application.port.in.RosterProgressQuery;
import org.gradphoto.identity.application.port.in.RosterProgressQuery.StudentProgress;
import org.gradphoto.identity.domain.ProgressState;
import org.gradphoto.kernel.error.ProblemException;
import org.gradphoto.kernel.security.Actor;
import org.gradphoto.kernel.security.Actors;

/**
 * A batch's progress from its roster (the staff console's 采集进度): counts per state, the students of
 * one state, and the same as an XLSX for the school's office.
 */
// Class path "/" like the other resources: a longer class path would take every /batches/{id}/…
// request away from StaffResource (JAX-RS picks the class first).
@Path("/")
@RolesAllowed({Actor.SCHOOL_ADMIN, Actor.SCHOOL_VIEWER, Actor.OPERATOR})
public class RosterProgressResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final DateTimeFormatter BEIJING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private final RosterProgressQuery progress;
  private final SecurityIdentity identity;

  RosterProgressResource(RosterProgressQuery progress, SecurityIdentity identity) {
    this.progress = progress;
    this.identity = identity;
  }

  public record StateCount(String state, String label, int count) {}

  public record ProgressBody(
      List<StateCount> counts, long matching, int page, int size, List<StudentProgress> items) {}

  /**
   * {@code state}: one of {@link ProgressState} (all students if absent); {@code q}: number or
   * name.
   */
  @GET
  @Path("batches/{id}/progress")
  public Uni<ProgressBody> progress(
      @PathParam("id") UUID id,
      @QueryParam("state") String state,
      @QueryParam("q") String q,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return progress
        .progress(Actors.of(identity), id, state(state), q, page, size)
        .map(
            p ->
                new ProgressBody(
                    p.counts().entrySet().stream()
                        .map(
                            e ->
                                new StateCount(e.getKey().name(), e.getKey().label(), e.getValue()))
                        .toList(),
                    p.matching(),
                    p.page(),
                    p.size(),
                    p.items()));
  }

  @GET
  @Path("batches/{id}/progress.xlsx")
  @Produces(XLSX)
  public Uni<Response> export(
      @PathParam("id") UUID id, @QueryParam("state") String state, @QueryParam("q") String q) {
    ProgressState st = state(state);
    return progress
        .all(Actors.of(identity), id, st, q)
        .map(
            rows ->
                Response.ok(xlsx(rows, st), XLSX)
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"progress-"
                            + id
                            + (st == null ? "" : "-" + st.name())
                            + ".xlsx\"")
                    .build());
  }

  static byte[] xlsx(List<StudentProgress> rows, ProgressState state) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(out, "GradPhoto", "1.0")) {
      Worksheet ws = wb.newWorksheet(state == null ? "采集进度" : state.label());
      String[] header = {"学号", "姓名", "证件号码(脱敏)", "学历层次", "状态", "已付款", "状态时间"};
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
      }
      int r = 1;
      for (StudentProgress p : rows) {
        ws.value(r, 0, p.studentNumber());
        ws.value(r, 1, p.name());
        ws.value(r, 2, p.idNumberMasked());
        ws.value(r, 3, p.degreeLevel());
        ws.value(r, 4, p.stateLabel());
        ws.value(r, 5, p.paid() ? "是" : "否");
        ws.value(r, 6, p.statusAt() == null ? "" : BEIJING.format(p.statusAt()));
        r++;
      }
      Map<String, Integer> byState = new LinkedHashMap<>();
      for (StudentProgress p : rows) {
        byState.merge(p.stateLabel(), 1, Integer::sum);
      }
      Worksheet sum = wb.newWorksheet("汇总");
      sum.value(0, 0, "状态");
      sum.value(0, 1, "人数");
      int i = 1;
      for (Map.Entry<String, Integer> e : byState.entrySet()) {
        sum.value(i, 0, e.getKey());
        sum.value(i, 1, e.getValue());
        i++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static ProgressState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return ProgressState.valueOf(state.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "state", "状态只能是 " + Arrays.toString(ProgressState.values()) + " 之一");
    }
  }
}
