package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.gradphoto.kernel.event.EventJson;
import org.gradphoto.kernel.event.RosterEntriesChanged;
import org.gradphoto.kernel.event.Topics;
import org.gradphoto.kernel.value.ResidentIdNumber;
import org.gradphoto.testsupport.Eventually;
import org.gradphoto.testsupport.KafkaProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RosterImportTest {
  @Inject Pool pool;

  static final List<String> HEADER =
      List.of("院校代码", "院校名称", "学号", "姓名", "证件类型", "证件号码", "手机号", "学信网图像采集码", "学历层次");

  static byte[] xlsx(List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(out, "gradphoto", "1.0")) {
      Worksheet ws = wb.newWorksheet("名单");
      for (int c = 0; c < HEADER.size(); c++) {
        ws.value(0, c, HEADER.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < rows.get(r).size(); c++) {
          ws.value(r + 1, c, rows.get(r).get(c));
        }
      }
    }
    return out.toByteArray();
  }

  static Response upload(String token, UUID batch, byte[] file) {
    return given()
        .auth()
        .oauth2(token)
        .multiPart(
            "file",
            "roster.xlsx",
            file,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .post("/batches/" + batch + "/roster");
  }

  @Test
  void an_xlsx_roster_imports_good_rows_and_reports_every_bad_row_with_its_reason()
      throws IOException {
    String school = Fixtures.newSchool("表格大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String good1 = Fixtures.residentId();
    String good2 = Fixtures.residentId();
    byte[] file =
        xlsx(
            List.of(
                List.of(school, "表格大学", "X001", "甲", "居民身份证", good1, "", "", "本科"),
                List.of(school, "表格大学", "X002", "乙", "RESIDENT_ID", good2, "13800138000", "", "硕士"),
                List.of(
                    school,
                    "表格大学",
                    "X003",
                    "丙",
                    "居民身份证",
                    Fixtures.withWrongCheckDigit(Fixtures.residentId()),
                    "",
                    "",
                    "本科"),
                List.of(school, "表格大学", "X004", "", "居民身份证", Fixtures.residentId(), "", "", "本科"),
                List.of(school, "表格大学", "X001", "丁", "居民身份证", Fixtures.residentId(), "", "", "本科"),
                List.of(school, "表格大学", "X006", "戊", "护照", "E12345678", "12345", "", "本科"),
                List.of("10001", "别的大学", "X007", "己", "护照", "E87654321", "", "", "本科")));

    upload(Fixtures.schoolAdmin(school), batch, file)
        .then()
        .statusCode(200)
        .body("total", equalTo(7))
        .body("created", equalTo(2))
        .body("rejected", equalTo(5))
        .body("lines", hasSize(7))
        .body("lines[0].line", equalTo(2))
        .body("lines[0].outcome", equalTo("CREATED"))
        .body("lines[1].outcome", equalTo("CREATED"))
        .body("lines[2].outcome", equalTo("REJECTED"))
        .body("lines[2].problems[0].field", equalTo("id_number"))
        .body("lines[2].problems[0].message", containsString("校验位"))
        .body("lines[3].problems[0].field", equalTo("name"))
        .body("lines[4].problems[0].message", equalTo("学号与第2行重复"))
        .body("lines[5].problems[0].field", equalTo("phone"))
        .body("lines[6].problems[0].field", equalTo("school_code"));

    given()
        .auth()
        .oauth2(Fixtures.schoolAdmin(school))
        .get("/batches/" + batch + "/roster")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("[0].studentNumber", equalTo("X001"))
        .body("[0].idNumberMasked", equalTo("**************" + good1.substring(14)));
  }

  @Test
  void re_importing_updates_entries_by_school_and_student_number() throws IOException {
    String school = Fixtures.newSchool("重导大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String id = Fixtures.residentId();
    upload(
            Fixtures.operator(),
            batch,
            xlsx(List.of(List.of(school, "重导大学", "R1", "旧名", "", id, "", "", "本科"))))
        .then()
        .body("created", equalTo(1));
    upload(
            Fixtures.operator(),
            batch,
            xlsx(List.of(List.of(school, "重导大学", "R1", "新名", "", id, "", "", "硕士"))))
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("updated", equalTo(1))
        .body("lines[0].outcome", equalTo("UPDATED"));
    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/batches/" + batch + "/roster")
        .then()
        .body("$", hasSize(1))
        .body("[0].name", equalTo("新名"))
        .body("[0].degreeLevel", equalTo("硕士"));
    String written = updatedAt(batch, "R1");
    // The same line again: nothing to change, so the entry is not rewritten.
    upload(
            Fixtures.operator(),
            batch,
            xlsx(List.of(List.of(school, "重导大学", "R1", "新名", "", id, "", "", "硕士"))))
        .then()
        .statusCode(200)
        .body("updated", equalTo(0))
        .body("unchanged", equalTo(1))
        .body("lines[0].outcome", equalTo("UNCHANGED"));
    assertEquals(written, updatedAt(batch, "R1"));
  }

  private String updatedAt(UUID batch, String studentNumber) {
    return pool.preparedQuery(
            "select updated_at::text as updated_at from roster_entry where batch_id = $1 and student_number = $2")
        .execute(Tuple.of(batch, studentNumber))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getString("updated_at");
  }

  @Test
  void
      a_re_import_that_swaps_two_id_numbers_is_accepted_and_both_students_match_with_the_new_one() {
    String school = Fixtures.newSchool("互换大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String idA = Fixtures.residentId();
    String idB = Fixtures.residentId();
    String idC = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "互换大学", "W1", "张三", idA, "", "")
                + Fixtures.csvLine(school, "互换大学", "W2", "李四", idB, "", "")
                + Fixtures.csvLine(school, "互换大学", "W3", "王五", idC, "", ""))
        .then()
        .statusCode(200)
        .body("created", equalTo(3));
    // The school typed W1's and W2's ID numbers the wrong way round and corrects it; W3 is
    // re-imported as it was.
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "互换大学", "W1", "张三", idB, "", "")
                + Fixtures.csvLine(school, "互换大学", "W2", "李四", idA, "", "")
                + Fixtures.csvLine(school, "互换大学", "W3", "王五", idC, "", ""))
        .then()
        .statusCode(200)
        .body("rejected", equalTo(0))
        .body("updated", equalTo(2))
        .body("unchanged", equalTo(1))
        .body("lines.outcome", equalTo(List.of("UPDATED", "UPDATED", "UNCHANGED")));

    bySchool(Fixtures.student(), school, "张三", idB)
        .then()
        .statusCode(201)
        .body("studentNumber", equalTo("W1"));
    bySchool(Fixtures.student(), school, "李四", idA)
        .then()
        .statusCode(201)
        .body("studentNumber", equalTo("W2"));
    bySchool(Fixtures.student(), school, "张三", idA).then().statusCode(404);
  }

  @Test
  void an_id_number_still_held_by_a_student_number_the_file_does_not_change_is_refused() {
    String school = Fixtures.newSchool("重号大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String idA = Fixtures.residentId();
    String idB = Fixtures.residentId();
    String idC = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "重号大学", "D1", "赵一", idA, "", "")
                + Fixtures.csvLine(school, "重号大学", "D2", "钱二", idB, "", "")
                + Fixtures.csvLine(school, "重号大学", "D3", "孙三", idC, "", ""))
        .then()
        .statusCode(200)
        .body("created", equalTo(3));
    // D1 takes D2's number, but D2 is not in the file and keeps it: a true duplicate. D3 takes
    // D1's number, which D1 keeps because its own line is refused; a new D4 is fine.
    String idD = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "重号大学", "D1", "赵一", idB, "", "")
                + Fixtures.csvLine(school, "重号大学", "D3", "孙三", idA, "", "")
                + Fixtures.csvLine(school, "重号大学", "D4", "李四", idD, "", ""))
        .then()
        .statusCode(200)
        .body("rejected", equalTo(2))
        .body("created", equalTo(1))
        .body("lines[0].outcome", equalTo("REJECTED"))
        .body("lines[0].problems[0].field", equalTo("id_number"))
        .body("lines[0].problems[0].message", equalTo("该证件号码已登记在本批次学号D2下"))
        .body("lines[1].outcome", equalTo("REJECTED"))
        .body("lines[1].problems[0].field", equalTo("id_number"))
        .body("lines[1].problems[0].message", equalTo("该证件号码仍登记在本批次学号D1下：本文件第2行对该学号的修改未能导入"))
        .body("lines[2].outcome", equalTo("CREATED"));

    given()
        .auth()
        .oauth2(Fixtures.operator())
        .get("/batches/" + batch + "/roster")
        .then()
        .body("$", hasSize(4))
        .body("[0].idNumberMasked", equalTo(masked(idA)))
        .body("[1].idNumberMasked", equalTo(masked(idB)))
        .body("[2].idNumberMasked", equalTo(masked(idC)));
  }

  @Test
  void a_swap_whose_other_half_is_refused_is_refused_too() {
    String school = Fixtures.newSchool("半换大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String idA = Fixtures.residentId();
    String idB = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "半换大学", "H1", "周一", idA, "", "")
                + Fixtures.csvLine(school, "半换大学", "H2", "吴二", idB, "", ""))
        .then()
        .statusCode(200)
        .body("created", equalTo(2));
    // H2's half of the swap has no name: H2 keeps idB, so H1 cannot take it.
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "半换大学", "H1", "周一", idB, "", "")
                + Fixtures.csvLine(school, "半换大学", "H2", "", idA, "", ""))
        .then()
        .statusCode(200)
        .body("rejected", equalTo(2))
        .body("lines[0].problems[0].field", equalTo("id_number"))
        .body("lines[0].problems[0].message", equalTo("该证件号码仍登记在本批次学号H2下：本文件第3行对该学号的修改未能导入"))
        .body("lines[1].problems[0].field", equalTo("name"));
  }

  private static String masked(String id) {
    return "**************" + id.substring(14);
  }

  private static Response bySchool(Fixtures.Student s, String schoolCode, String name, String id) {
    return given()
        .auth()
        .oauth2(s.token())
        .contentType(ContentType.JSON)
        .body(Map.of("schoolCode", schoolCode, "name", name, "idNumber", id))
        .post("/eligibility/by-school");
  }

  @Test
  void an_import_that_fails_while_writing_leaves_no_line_of_it_behind() {
    String school = Fixtures.newSchool("回滚大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    // The database refuses one line of the second chunk of 5,000: the first chunk must go too.
    sql(
        "create or replace function refuse_rollback_probe() returns trigger language plpgsql as $$"
            + " begin if new.student_number = 'FAIL-HERE' then"
            + " raise exception 'refused for the rollback test'; end if; return new; end $$");
    sql(
        "create or replace trigger refuse_rollback_probe before insert or update on roster_entry"
            + " for each row execute function refuse_rollback_probe()");
    try {
      StringBuilder csv = new StringBuilder(Fixtures.CSV_HEADER);
      for (int i = 1; i <= 6_000; i++) {
        String first17 = String.format("%06d19990101%03d", 120000 + i / 1000, i % 1000);
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        String number = i == 5_500 ? "FAIL-HERE" : String.format("F%05d", i);
        csv.append(Fixtures.csvLine(school, "回滚大学", number, "学生" + i, id, "", ""));
      }
      Fixtures.importCsv(Fixtures.operator(), batch, csv.toString())
          .then()
          .statusCode(500)
          .contentType("application/problem+json");
    } finally {
      sql("drop trigger if exists refuse_rollback_probe on roster_entry");
    }
    Row count =
        pool.preparedQuery("select count(*) as n from roster_entry where batch_id = $1")
            .execute(Tuple.of(batch))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next();
    assertEquals(0L, count.getLong("n"));
    Row announced =
        pool.preparedQuery("select count(*) as n from outbox_event where message_key = $1")
            .execute(Tuple.of(batch.toString()))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next();
    assertEquals(0L, announced.getLong("n"), "no RosterEntriesChanged of a rolled-back import");
  }

  @Test
  void an_import_announces_the_entries_it_wrote_with_the_masked_id_only() {
    String school = Fixtures.newSchool("名单事件大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String id1 = Fixtures.residentId();
    String id2 = Fixtures.residentId();
    String two =
        Fixtures.CSV_HEADER
            + Fixtures.csvLine(school, "名单事件大学", "N1", "未开始甲", id1, "", "")
            + Fixtures.csvLine(school, "名单事件大学", "N2", "未开始乙", id2, "", "");
    Fixtures.importCsv(Fixtures.operator(), batch, two).then().statusCode(200);
    RosterEntriesChanged first = awaitAnnounced(batch, 1);
    assertEquals(school, first.schoolCode());
    assertEquals(
        List.of("N1", "N2"),
        first.entries().stream().map(RosterEntriesChanged.Entry::studentNumber).sorted().toList());
    assertEquals(
        List.of("未开始甲", "未开始乙"),
        first.entries().stream()
            .sorted(java.util.Comparator.comparing(RosterEntriesChanged.Entry::studentNumber))
            .map(RosterEntriesChanged.Entry::studentName)
            .toList());
    String json = String.join("", announcedJson(batch));
    assertFalse(json.contains(id1) || json.contains(id2), "a full ID number left identity");
    assertTrue(json.contains(id1.substring(id1.length() - 4)), "the masked ID keeps its last four");

    // the same file again changes nothing and says nothing; one changed line is sent alone
    Fixtures.importCsv(Fixtures.operator(), batch, two).then().statusCode(200);
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "名单事件大学", "N1", "未开始甲", id1, "", "")
                + Fixtures.csvLine(school, "名单事件大学", "N2", "改名乙", id2, "", ""))
        .then()
        .statusCode(200);
    RosterEntriesChanged second = awaitAnnounced(batch, 2);
    assertEquals(1, second.entries().size());
    assertEquals("改名乙", second.entries().get(0).studentName());
    assertEquals(2, announcedJson(batch).size(), "the unchanged import announced nothing");
  }

  /** Waits for the n-th RosterEntriesChanged of the batch on identity-events (in send order). */
  private static RosterEntriesChanged awaitAnnounced(UUID batch, int n) {
    Eventually.await(() -> announcedJson(batch).size() >= n, true, Duration.ofSeconds(30));
    List<String> found = announcedJson(batch);
    assertTrue(found.size() >= n, "RosterEntriesChanged #" + n + " of batch " + batch);
    return (RosterEntriesChanged) EventJson.read(found.get(n - 1)).orElseThrow().payload();
  }

  private static List<String> announcedJson(UUID batch) {
    return KafkaProbe.all(
            Topics.IDENTITY_EVENTS,
            r ->
                batch.toString().equals(r.key())
                    && "RosterEntriesChanged".equals(KafkaProbe.header(r, "type")),
            Duration.ofSeconds(2))
        .stream()
        .map(r -> r.value())
        .toList();
  }

  private void sql(String statement) {
    pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
  }

  @Test
  void id_numbers_and_phones_are_stored_only_sealed_and_hashed() {
    String school = Fixtures.newSchool("加密大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String id = Fixtures.residentId();
    Fixtures.importCsv(
            Fixtures.operator(),
            batch,
            Fixtures.CSV_HEADER
                + Fixtures.csvLine(school, "加密大学", "E1", "庚", id, "13912345678", ""))
        .then()
        .statusCode(200)
        .body("created", equalTo(1));
    Row row =
        pool.preparedQuery("select * from roster_entry where school_code = $1")
            .execute(Tuple.of(school))
            .await()
            .atMost(Duration.ofSeconds(10))
            .iterator()
            .next();
    String everything = row.toJson().encode();
    assertFalse(everything.contains(id), "clear ID number stored");
    assertFalse(everything.contains(id.substring(0, 14)), "clear ID prefix stored");
    assertFalse(everything.contains("13912345678"), "clear phone stored");
    assertEquals("**************" + id.substring(14), row.getString("id_masked"));
  }

  @Test
  void a_school_admin_cannot_import_into_another_schools_batch_nor_a_student_at_all() {
    String school = Fixtures.newSchool("别人的大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String csv =
        Fixtures.CSV_HEADER
            + Fixtures.csvLine(school, "别人的大学", "A1", "辛", Fixtures.residentId(), "", "");
    Fixtures.importCsv(Fixtures.schoolAdmin("10001"), batch, csv)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Fixtures.importCsv(Fixtures.student().token(), batch, csv).then().statusCode(403);
  }

  @Test
  void a_file_without_the_required_columns_is_refused_naming_them() {
    String school = Fixtures.newSchool("缺列大学");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    Fixtures.importCsv(Fixtures.operator(), batch, "学号,姓名\n1,壬\n")
        .then()
        .statusCode(400)
        .body("code", equalTo("MISSING_COLUMNS"))
        .body("detail", containsString("id_number"));
  }

  @Test
  void schools_are_found_by_part_of_their_name() {
    String code = Fixtures.newSchool("搜索示范学院");
    given()
        .auth()
        .oauth2(Fixtures.student().token())
        .get("/schools?q=搜索示范")
        .then()
        .statusCode(200)
        .body("find { it.code == '" + code + "' }.name", equalTo("搜索示范学院"));
  }
}
