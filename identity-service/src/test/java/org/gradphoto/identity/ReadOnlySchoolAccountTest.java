package org.gradphoto.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A read-only school account (realm role {@code school-viewer}, issue #18) reads its school's
 * batches, roster and progress like the school's admin and is refused every change.
 */
@QuarkusTest
class ReadOnlySchoolAccountTest {

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  @Test
  void a_read_only_school_account_reads_its_schools_roster_and_progress_and_changes_nothing() {
    String school = Fixtures.newSchool("只读学院");
    UUID batch = Fixtures.openBatch(school, List.of("SCHOOL_NAME_ID"));
    String line = Fixtures.csvLine(school, "只读学院", "V1", "甲", Fixtures.residentId(), "", "");
    Fixtures.importCsv(Fixtures.schoolAdmin(school), batch, Fixtures.CSV_HEADER + line)
        .then()
        .statusCode(200);
    String viewer = Fixtures.staff("viewer-" + school, "school-viewer", List.of(school));

    as(viewer)
        .get("/schools/" + school + "/batches")
        .then()
        .statusCode(200)
        .body("id", hasItem(batch.toString()));
    Map<String, Object> stored =
        as(viewer).get("/batches/" + batch).then().statusCode(200).extract().jsonPath().getMap("$");
    as(viewer)
        .get("/batches/" + batch + "/roster")
        .then()
        .statusCode(200)
        .body("studentNumber", equalTo(List.of("V1")));
    as(viewer)
        .get("/batches/" + batch + "/progress")
        .then()
        .statusCode(200)
        .body("counts.find { it.state == 'NOT_STARTED' }.count", equalTo(1))
        .body("items.studentNumber", equalTo(List.of("V1")));
    as(viewer).get("/batches/" + batch + "/progress.xlsx").then().statusCode(200);

    // every change is refused, and nothing changed
    String another = Fixtures.csvLine(school, "只读学院", "V2", "乙", Fixtures.residentId(), "", "");
    Fixtures.importCsv(viewer, batch, Fixtures.CSV_HEADER + line + another)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("READ_ONLY_ACCOUNT"))
        .body("detail", containsString("学校只读账号"));
    Map<String, Object> renamed = new HashMap<>(stored);
    renamed.put("name", "改过的批次名");
    as(viewer)
        .contentType(ContentType.JSON)
        .body(renamed)
        .put("/batches/" + batch)
        .then()
        .statusCode(403)
        .body("code", equalTo("READ_ONLY_ACCOUNT"));
    as(viewer)
        .contentType(ContentType.JSON)
        .body(stored)
        .post("/schools/" + school + "/batches")
        .then()
        .statusCode(403)
        .body("code", equalTo("READ_ONLY_ACCOUNT"));
    as(viewer)
        .contentType(ContentType.JSON)
        .body(Map.of("code", school, "name", "改名"))
        .put("/schools/" + school)
        .then()
        .statusCode(403)
        .body("code", equalTo("READ_ONLY_ACCOUNT"));
    String entry =
        as(viewer).get("/batches/" + batch + "/roster").then().extract().path("[0].id").toString();
    as(viewer)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "试试"))
        .post("/roster-entries/" + entry + "/unbinding")
        .then()
        .statusCode(403)
        .body("code", equalTo("READ_ONLY_ACCOUNT"));
    as(viewer).get("/batches/" + batch + "/roster").then().body("$", hasSize(1));
    as(viewer).get("/batches/" + batch).then().body("name", equalTo(stored.get("name")));

    // another school's read-only account sees nothing of it
    String stranger = Fixtures.staff("viewer-x", "school-viewer", List.of("10001"));
    as(stranger)
        .get("/batches/" + batch + "/roster")
        .then()
        .statusCode(403)
        .body("code", equalTo("SCHOOL_NOT_YOURS"));
    as(stranger).get("/batches/" + batch + "/progress").then().statusCode(403);
  }
}
