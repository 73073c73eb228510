package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemStatus;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.CaseId;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The case API over HTTP, signed in with personal API tokens: every endpoint, the role and unit checks, and the
 * refusals. After each refusal the test reads the case again to show that nothing changed.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    CaseDesk desk;
    CaseDesk.Team team;
    CaseDesk.Team otherTeam;
    String checker;
    String checker2;
    String editor;
    String editor2;
    String viewer;
    String otherEditor;

    @BeforeAll
    void setUp() {
        desk = new CaseDesk(network, intake, cases);
        team = desk.team();
        otherTeam = desk.team();
        checker = desk.accounts().token(team.checker());
        checker2 = desk.accounts().token(team.checker2());
        editor = desk.accounts().token(team.editor());
        editor2 = desk.accounts().token(team.editor2());
        viewer = desk.accounts().token(team.viewer());
        otherEditor = desk.accounts().token(otherTeam.editor());
    }

    // --- helpers ---

    ResultActions call(String token, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    ResultActions postJson(String token, String path, String json) throws Exception {
        return call(token, post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String path(Case kase, String action) {
        return "/api/v1/cases/" + kase.id() + action;
    }

    /** The case as stored now, read by a member of its unit. */
    Case reread(Case kase) {
        return cases.get(team.editor(), kase.id());
    }

    void assertUnchanged(Case before) {
        Case now = reread(before);
        assertThat(now.state()).isEqualTo(before.state());
        assertThat(now.evidence()).hasSameSizeAs(before.evidence());
        assertThat(now.comments()).hasSameSizeAs(before.comments());
        assertThat(now.history()).hasSameSizeAs(before.history());
        assertThat(now.version()).isEqualTo(before.version());
    }

    // --- the workflow through every endpoint ---

    @Nested
    class Opening {

        @Test
        void opensCaseFromItemsAndTakesThemUp() throws Exception {
            Item first = desk.item(team.checker());
            Item second = desk.item(team.checker());
            String json = """
                    {"title": "Hot lemon water", "items": ["%s", "%s"],
                     "claims": [{"text": "Uống nước chanh nóng diệt được virus corona"},
                                {"text": "Hot lemon water kills the coronavirus", "language": "en"}]}
                    """.formatted(first.id(), second.id());

            String location = postJson(checker, "/api/v1/cases", json)
                    .andExpect(status().isCreated())
                    .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/cases/")))
                    .andExpect(jsonPath("$.state").value("NEW"))
                    .andExpect(jsonPath("$.unit").value(team.unit().id().toString()))
                    .andExpect(jsonPath("$.claims", hasSize(2)))
                    .andExpect(jsonPath("$.claims[0].language").value("vi"))
                    .andExpect(jsonPath("$.claims[1].language").value("en"))
                    .andExpect(jsonPath("$.items", hasSize(2)))
                    .andExpect(jsonPath("$.history[0].action").value("OPEN"))
                    .andExpect(jsonPath("$.history[0].by")
                            .value(team.checker().id().toString()))
                    .andExpect(jsonPath("$.allowedActions", hasItem("TRIAGE")))
                    .andReturn()
                    .getResponse()
                    .getHeader(HttpHeaders.LOCATION);

            CaseId id = CaseId.valueOf(location.substring(location.lastIndexOf('/') + 1));
            assertThat(intake.get(first.id()).status()).isEqualTo(ItemStatus.IN_CASE);
            assertThat(intake.get(first.id()).caseId()).isEqualTo(id);
            call(viewer, get("/api/v1/cases/" + id))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.title").value("Hot lemon water"));
        }

        @Test
        void rejectsOpeningWithoutTitleClaimsOrItems() throws Exception {
            postJson(checker, "/api/v1/cases", """
                    {"title": " ", "claims": [], "items": []}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("claims")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("items")));
        }

        @Test
        void refusesItemsThatDoNotExistOrAreAlreadyInAnOpenCase() throws Exception {
            postJson(checker, "/api/v1/cases", """
                    {"title": "t", "claims": [{"text": "c"}], "items": ["%s"]}
                    """.formatted(UUID.randomUUID()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("cases.error.item-not-found"));

            Case open = desk.newCase(team);
            postJson(checker, "/api/v1/cases", """
                    {"title": "t", "claims": [{"text": "c"}], "items": ["%s"]}
                    """.formatted(open.items().get(0)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("cases.error.item-in-case"));
        }

        @Test
        void viewerCannotOpenACase() throws Exception {
            Item item = desk.item(team.checker());
            postJson(viewer, "/api/v1/cases", """
                    {"title": "t", "claims": [{"text": "c"}], "items": ["%s"]}
                    """.formatted(item.id()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("cases.error.role-required"));
            assertThat(intake.get(item.id()).status()).isEqualTo(ItemStatus.NEW);
        }
    }

    @Nested
    class Reading {

        @Test
        void listsOnlyTheUnitsCasesNewestFirstWithFilters() throws Exception {
            Case older = desk.newCase(team);
            Case newer = desk.triaged(team);
            Case foreign = desk.newCase(otherTeam);

            call(viewer, get("/api/v1/cases").param("size", "100"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].id", hasItem(older.id().toString())))
                    .andExpect(jsonPath("$.content[*].id", hasItem(newer.id().toString())))
                    .andExpect(
                            jsonPath("$.content[*].id", not(hasItem(foreign.id().toString()))));

            String body = call(viewer, get("/api/v1/cases").param("size", "100"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body.indexOf(newer.id().toString()))
                    .isLessThan(body.indexOf(older.id().toString()));

            call(viewer, get("/api/v1/cases").param("state", "TRIAGED").param("size", "100"))
                    .andExpect(jsonPath("$.content[*].id", hasItem(newer.id().toString())))
                    .andExpect(
                            jsonPath("$.content[*].id", not(hasItem(older.id().toString()))))
                    .andExpect(jsonPath("$.content[*].state", not(hasItem("NEW"))));
        }

        @Test
        void filtersTheCasesAssignedToMe() throws Exception {
            Case mine = desk.inVerification(team);
            Case notMine = desk.triaged(team);
            call(checker, get("/api/v1/cases").param("assignedToMe", "true").param("size", "100"))
                    .andExpect(jsonPath("$.content[*].id", hasItem(mine.id().toString())))
                    .andExpect(
                            jsonPath("$.content[*].id", not(hasItem(notMine.id().toString()))));
        }

        @Test
        void pagesTheList() throws Exception {
            desk.newCase(team);
            desk.newCase(team);
            call(viewer, get("/api/v1/cases").param("size", "1").param("page", "1"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content", hasSize(1)))
                    .andExpect(jsonPath("$.size").value(1))
                    .andExpect(jsonPath("$.page").value(1));
            call(viewer, get("/api/v1/cases").param("size", "1000")).andExpect(status().isBadRequest());
            call(viewer, get("/api/v1/cases").param("state", "SOMEWHERE")).andExpect(status().isBadRequest());
        }

        @Test
        void anotherUnitsUserCannotOpenACaseById() throws Exception {
            Case kase = desk.newCase(team);
            call(otherEditor, get(path(kase, "")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("cases.error.other-unit"))
                    .andExpect(jsonPath("$.detail", containsString("another unit")))
                    .andExpect(jsonPath("$.title").exists());
        }

        @Test
        void publishedVerdictsAreReadableAcrossTheNetworkButNotChangeable() throws Exception {
            Case kase = desk.published(team);
            call(otherEditor, get(path(kase, "")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("PUBLISHED"));
            call(
                            otherEditor,
                            post(path(kase, "/comments"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("""
                            {"text": "from elsewhere"}
                            """))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("cases.error.other-unit"));
        }

        @Test
        void answersNotFoundAndBadRequestForMissingAndMalformedIds() throws Exception {
            call(viewer, get("/api/v1/cases/" + UUID.randomUUID()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("cases.error.not-found"));
            call(viewer, get("/api/v1/cases/not-a-uuid"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            postJson(editor, "/api/v1/cases/12345/triage", """
                    {"priority": 1, "topics": ["x"]}
                    """).andExpect(status().isBadRequest());
            Case kase = desk.withEvidence(team);
            call(viewer, get(path(kase, "/evidence/" + UUID.randomUUID() + "/file")))
                    .andExpect(status().isNotFound());
            call(viewer, get(path(kase, "/evidence/nope/file"))).andExpect(status().isBadRequest());
        }

        @Test
        void requiresSignIn() throws Exception {
            mvc.perform(get("/api/v1/cases")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    class Workflow {

        @Test
        void triagesAssignsAndRecordsHistory() throws Exception {
            Case kase = desk.newCase(team);
            postJson(checker, path(kase, "/triage"), """
                    {"priority": 1, "topics": ["Covid 19", "vaccines"]}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("TRIAGED"))
                    .andExpect(jsonPath("$.priority").value(1))
                    .andExpect(jsonPath("$.topics[0]").value("covid-19"))
                    .andExpect(jsonPath("$.history[1].action").value("TRIAGE"))
                    .andExpect(jsonPath("$.history[1].from").value("NEW"));

            postJson(checker, path(kase, "/assign"), """
                    {"assignee": "%s"}
                    """.formatted(
                                    team.checker2().id()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("IN_VERIFICATION"))
                    .andExpect(jsonPath("$.assignee").value(team.checker2().id().toString()))
                    .andExpect(jsonPath("$.history[2].action").value("ASSIGN"))
                    .andExpect(jsonPath("$.history[2].subject")
                            .value(team.checker2().id().toString()));
        }

        @Test
        void refusesBadTriageAndAssignees() throws Exception {
            Case kase = desk.newCase(team);
            postJson(checker, path(kase, "/triage"), """
                    {"priority": 9, "topics": []}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("priority")))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("topics")));
            assertUnchanged(kase);

            Case triaged = desk.triaged(team);
            for (CurrentUser notAChecker : List.of(team.viewer(), otherTeam.checker())) {
                postJson(checker, path(triaged, "/assign"), """
                        {"assignee": "%s"}
                        """.formatted(notAChecker.id()))
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.code").value("cases.error.assignee-not-checker"));
            }
            assertUnchanged(triaged);
        }

        @Test
        void addsLinkAndNoteEvidenceAndComments() throws Exception {
            Case kase = desk.inVerification(team);
            postJson(checker, path(kase, "/evidence"), """
                    {"kind": "LINK", "url": "https://moh.gov.vn/tin", "title": "Bộ Y tế", "summary": "Không có tác dụng."}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.evidence", hasSize(1)))
                    .andExpect(jsonPath("$.evidence[0].kind").value("LINK"))
                    .andExpect(jsonPath("$.evidence[0].url").value("https://moh.gov.vn/tin"))
                    .andExpect(jsonPath("$.evidence[0].summary").value("Không có tác dụng."));
            postJson(checker, path(kase, "/evidence"), """
                    {"kind": "NOTE", "text": "Đã gọi điện cho bác sĩ bệnh viện tỉnh."}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.evidence", hasSize(2)))
                    .andExpect(jsonPath("$.evidence[1].kind").value("NOTE"))
                    .andExpect(jsonPath("$.evidence[1].text").value("Đã gọi điện cho bác sĩ bệnh viện tỉnh."));
            postJson(editor, path(kase, "/comments"), """
                    {"text": "Thêm nguồn WHO nữa nhé."}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.comments", hasSize(1)))
                    .andExpect(jsonPath("$.comments[0].author")
                            .value(team.editor().id().toString()));
        }

        @Test
        void refusesMalformedEvidence() throws Exception {
            Case kase = desk.inVerification(team);
            postJson(checker, path(kase, "/evidence"), """
                    {"kind": "LINK", "title": "no url"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("url")));
            postJson(checker, path(kase, "/evidence"), """
                    {"kind": "FILE"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
            postJson(checker, path(kase, "/evidence"), """
                    {"kind": "PHOTO"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("kind"));
            postJson(checker, path(kase, "/evidence"), """
                    {"kind": "LINK", "url": "javascript:alert(1)", "title": "x"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("cases.error.link-invalid"));
            postJson(checker, path(kase, "/comments"), """
                    {"text": "  "}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("text"));
            assertUnchanged(kase);
        }

        @Test
        void uploadsAFileRecognisedByItsBytesAndServesItToMembersOnly() throws Exception {
            Case kase = desk.inVerification(team);
            byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            MockMultipartFile file =
                    new MockMultipartFile("file", "../../etc/báo cáo.pdf", "application/octet-stream", pdf);

            String body = call(
                            checker,
                            multipart(path(kase, "/evidence/file")).file(file).param("summary", "Công văn của Sở Y tế"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.evidence[0].kind").value("FILE"))
                    .andExpect(jsonPath("$.evidence[0].file.contentType").value("application/pdf"))
                    .andExpect(jsonPath("$.evidence[0].file.name").value("báo cáo.pdf"))
                    .andExpect(jsonPath("$.evidence[0].file.size").value(pdf.length))
                    .andExpect(jsonPath("$.evidence[0].file.sha256").value(sha256(pdf)))
                    .andExpect(jsonPath("$.evidence[0].summary").value("Công văn của Sở Y tế"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String href = com.jayway.jsonpath.JsonPath.read(body, "$.evidence[0].file.href");

            call(viewer, get(href))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("application/pdf"))
                    .andExpect(content().bytes(pdf))
                    .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
            call(otherEditor, get(href))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("cases.error.other-unit"));
        }

        @Test
        void refusesAFileOfADisallowedTypeWhateverItsDeclaredType() throws Exception {
            Case kase = desk.inVerification(team);
            byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0};
            byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
            for (byte[] bytes : List.of(elf, exe)) {
                call(
                                checker,
                                multipart(path(kase, "/evidence/file"))
                                        .file(new MockMultipartFile("file", "photo.png", "image/png", bytes)))
                        .andExpect(status().isUnsupportedMediaType())
                        .andExpect(jsonPath("$.code").value("cases.error.file-type"));
            }
            assertUnchanged(kase);
        }

        @Test
        void refusesAVerdictWithoutEvidenceThenAcceptsOneWithIt() throws Exception {
            Case kase = desk.inVerification(team);
            postJson(checker, path(kase, "/verdict"), """
                    {"rating": "FALSE", "summary": "Không có cơ sở."}
                    """)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("cases.error.verdict-without-evidence"))
                    .andExpect(jsonPath("$.detail", containsString("evidence")));
            assertUnchanged(kase);

            Case withEvidence = desk.withEvidence(team);
            postJson(checker, path(withEvidence, "/verdict"), """
                    {"rating": "MISSING_CONTEXT", "summary": "Thiếu bối cảnh quan trọng."}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("IN_REVIEW"))
                    .andExpect(jsonPath("$.verdict.rating").value("MISSING_CONTEXT"))
                    .andExpect(jsonPath("$.verdict.proposedBy")
                            .value(team.checker().id().toString()))
                    .andExpect(jsonPath("$.verdict.approvedBy").doesNotExist());
        }

        @Test
        void refusesAnUnknownRatingOrAMissingSummaryWithFieldInfo() throws Exception {
            Case kase = desk.withEvidence(team);
            postJson(checker, path(kase, "/verdict"), """
                    {"rating": "FAKE_NEWS", "summary": "x"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("rating"))
                    .andExpect(jsonPath("$.detail", containsString("FAKE_NEWS")));
            postJson(checker, path(kase, "/verdict"), """
                    {"rating": "FALSE", "summary": "%s"}
                    """.formatted("x".repeat(2001)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("summary"));
            assertUnchanged(kase);
        }

        @Test
        void refusesApprovalByTheVerdictsAuthor() throws Exception {
            Case kase = desk.withEvidence(team);
            postJson(editor, path(kase, "/verdict"), """
                    {"rating": "SATIRE", "summary": "Trang châm biếm."}
                    """).andExpect(status().isOk());
            Case inReview = reread(kase);

            postJson(editor, path(kase, "/review"), """
                    {"decision": "APPROVE"}
                    """)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("cases.error.self-approval"));
            assertUnchanged(inReview);
            assertThat(reread(kase).verdict().approved()).isFalse();
        }

        @Test
        void secondEditorApprovesAndTheItemsAreChecked() throws Exception {
            Case kase = desk.inReview(team);
            postJson(editor2, path(kase, "/review"), """
                    {"decision": "APPROVE"}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("PUBLISHED"))
                    .andExpect(jsonPath("$.verdict.approvedBy")
                            .value(team.editor2().id().toString()))
                    .andExpect(jsonPath("$.history[-1].action").value("APPROVE"))
                    .andExpect(jsonPath("$.allowedActions", hasSize(0)));
            assertThat(intake.get(kase.items().get(0)).status()).isEqualTo(ItemStatus.CHECKED);
        }

        @Test
        void sendsBackWithANoteOnly() throws Exception {
            Case kase = desk.inReview(team);
            postJson(editor, path(kase, "/review"), """
                    {"decision": "SEND_BACK"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("note"));
            postJson(editor, path(kase, "/review"), """
                    {"decision": "MAYBE"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("decision"));
            assertUnchanged(kase);

            postJson(editor, path(kase, "/review"), """
                    {"decision": "SEND_BACK", "note": "Cần dẫn thêm nguồn Bộ Y tế."}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("IN_VERIFICATION"))
                    .andExpect(jsonPath("$.history[-1].action").value("SEND_BACK"))
                    .andExpect(jsonPath("$.history[-1].note").value("Cần dẫn thêm nguồn Bộ Y tế."));
        }

        @Test
        void closesWithAReasonAndRefusesUnknownReasons() throws Exception {
            Case kase = desk.triaged(team);
            postJson(editor, path(kase, "/close"), """
                    {"reason": "BORING"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"))
                    .andExpect(jsonPath("$.detail", containsString("NOT_CHECKABLE")));
            postJson(editor, path(kase, "/close"), """
                    {"reason": "DUPLICATE"}
                    """)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("note"));
            assertUnchanged(kase);

            postJson(editor, path(kase, "/close"), """
                    {"reason": "DUPLICATE", "note": "Trùng với hồ sơ tuần trước."}
                    """)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("CLOSED"))
                    .andExpect(jsonPath("$.closure.reason").value("DUPLICATE"))
                    .andExpect(jsonPath("$.closure.closedBy")
                            .value(team.editor().id().toString()));
            assertThat(intake.get(kase.items().get(0)).status()).isEqualTo(ItemStatus.CLOSED);
        }

        @Test
        void refusesATransitionFromTheWrongState() throws Exception {
            Case published = desk.published(team);
            postJson(editor, path(published, "/close"), """
                    {"reason": "NO_ACTION"}
                    """)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("cases.error.illegal-transition"))
                    .andExpect(jsonPath("$.detail").value("This case is “Published”: it cannot be closed now."));
            assertUnchanged(published);

            Case fresh = desk.newCase(team);
            postJson(editor, path(fresh, "/review"), """
                    {"decision": "APPROVE"}
                    """)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("cases.error.illegal-transition"));
            postJson(checker, path(fresh, "/evidence"), """
                    {"kind": "NOTE", "text": "ok"}
                    """).andExpect(status().isOk());
            Case withNote = reread(fresh);
            postJson(checker, path(fresh, "/verdict"), """
                    {"rating": "FALSE", "summary": "x"}
                    """)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("cases.error.illegal-transition"));
            assertUnchanged(withNote);
        }

        @Test
        void answersInVietnameseWhenAskedTo() throws Exception {
            Case published = desk.published(team);
            mvc.perform(post(path(published, "/close"))
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + editor)
                            .header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reason\": \"NO_ACTION\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail")
                            .value("Hồ sơ đang ở trạng thái “Đã công bố” nên không thể đóng lúc này."));
        }
    }

    // --- who may do what ---

    enum Actor {
        VIEWER,
        CHECKER,
        EDITOR_OF_OTHER_UNIT,
        AUTHOR_EDITOR
    }

    static Stream<Arguments> forbiddenMatrix() {
        return Stream.of(
                Arguments.of(
                        Actor.VIEWER,
                        "triage",
                        "{\"priority\": 1, \"topics\": [\"x\"]}",
                        403,
                        "cases.error.role-required"),
                Arguments.of(Actor.VIEWER, "comments", "{\"text\": \"hi\"}", 403, "cases.error.role-required"),
                Arguments.of(
                        Actor.VIEWER,
                        "evidence",
                        "{\"kind\": \"NOTE\", \"text\": \"n\"}",
                        403,
                        "cases.error.role-required"),
                Arguments.of(Actor.CHECKER, "review", "{\"decision\": \"APPROVE\"}", 403, "cases.error.role-required"),
                Arguments.of(
                        Actor.CHECKER,
                        "review",
                        "{\"decision\": \"SEND_BACK\", \"note\": \"n\"}",
                        403,
                        "cases.error.role-required"),
                Arguments.of(Actor.CHECKER, "close", "{\"reason\": \"NO_ACTION\"}", 403, "cases.error.role-required"),
                Arguments.of(Actor.EDITOR_OF_OTHER_UNIT, "", null, 403, "cases.error.other-unit"),
                Arguments.of(
                        Actor.EDITOR_OF_OTHER_UNIT,
                        "review",
                        "{\"decision\": \"APPROVE\"}",
                        403,
                        "cases.error.other-unit"),
                Arguments.of(
                        Actor.EDITOR_OF_OTHER_UNIT, "comments", "{\"text\": \"hi\"}", 403, "cases.error.other-unit"),
                Arguments.of(
                        Actor.EDITOR_OF_OTHER_UNIT,
                        "close",
                        "{\"reason\": \"NO_ACTION\"}",
                        403,
                        "cases.error.other-unit"),
                Arguments.of(
                        Actor.AUTHOR_EDITOR,
                        "review",
                        "{\"decision\": \"APPROVE\"}",
                        409,
                        "cases.error.self-approval"));
    }

    /** A case in review whose verdict the team's first editor proposed, so that each actor has something to try. */
    @ParameterizedTest(name = "{0} {1} → {3}")
    @MethodSource("forbiddenMatrix")
    void refusesActionsOutsideTheActorsRoleOrUnit(Actor actor, String action, String json, int status, String code)
            throws Exception {
        Case kase = desk.withEvidence(team);
        kase = cases.proposeVerdict(team.editor(), kase.id(), Rating.FALSE, "Sai.");
        String token = switch (actor) {
            case VIEWER -> viewer;
            case CHECKER -> checker;
            case EDITOR_OF_OTHER_UNIT -> otherEditor;
            case AUTHOR_EDITOR -> editor;
        };
        MockHttpServletRequestBuilder request = json == null
                ? get(path(kase, ""))
                : post(path(kase, "/" + action))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json);
        call(token, request)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.code").value(code));
        assertUnchanged(kase);
    }

    @Test
    void allowedRolesDoWhatTheMatrixRefusesOthers() throws Exception {
        Case kase = desk.withEvidence(team);
        postJson(checker2, path(kase, "/comments"), "{\"text\": \"ok\"}").andExpect(status().isOk());
        postJson(checker2, path(kase, "/verdict"), "{\"rating\": \"TRUE\", \"summary\": \"Đúng.\"}")
                .andExpect(status().isOk());
        postJson(editor, path(kase, "/review"), "{\"decision\": \"APPROVE\"}").andExpect(status().isOk());
        assertThat(reread(kase).state()).isEqualTo(CaseState.PUBLISHED);
        assertThat(team.viewer().hasRole(team.unit().id(), Role.VIEWER)).isTrue();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
