package org.factdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.factdesk.imports.internal.ImportJobs;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The upload page: upload (streamed body or multipart), background run, live progress, error report download. */
@DeskTest
class ImportWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    ImportManagement imports;

    @Autowired
    ImportJobs jobs;

    @Autowired
    JsonMapper json;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Unit unit;
    CurrentUser checker;
    CurrentUser viewer;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        unit = accounts.unit("Import web " + System.nanoTime());
        checker = accounts.user(Role.CHECKER, unit.id());
        viewer = accounts.user(Role.VIEWER, unit.id());
        marker = org.factdesk.testing.OwnText.marker();
    }

    String csv() {
        return "url,platform,text,author_handle\n"
                + "https://example.vn/" + marker + "/1,facebook,Tin đồn thứ nhất " + marker + ",@ai\n"
                + "https://example.vn/" + marker + "/2,myspace,Nền tảng lạ " + marker + ",@ai\n"
                + "https://example.vn/" + marker + "/3,zalo,Tin đồn thứ ba " + marker + ",@ai\n";
    }

    ImportJob awaitFinished(ImportId id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ImportJob job = imports.job(id);
        while (!job.finished() && Instant.now().isBefore(deadline)) {
            ImportTests.sleep(Duration.ofMillis(50));
            job = imports.job(id);
        }
        return job;
    }

    @Test
    void uploadsTheRawBodyRunsInTheBackgroundAndOffersTheErrorReport() throws Exception {
        mvc.perform(get("/imports").with(user(checker)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"import-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(unit.name())));

        MvcResult uploaded = mvc.perform(put("/imports/upload")
                        .param("format", "csv")
                        .param("unit", unit.id().toString())
                        .param("name", "export.csv")
                        .content(csv().getBytes(StandardCharsets.UTF_8))
                        .contentType("application/octet-stream")
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location").exists())
                .andReturn();
        String location = json.readTree(uploaded.getResponse().getContentAsString())
                .get("location")
                .asString();
        assertThat(location).startsWith("/imports/").contains("?import=started");
        ImportId id = ImportId.valueOf(location.substring("/imports/".length(), location.indexOf('?')));
        ImportJob job = awaitFinished(id);

        assertThat(job.summary()).isEqualTo("imported 2, duplicates 0, rejected 1");
        assertThat(job.fileName()).isEqualTo("export.csv");
        mvc.perform(get(location).with(user(checker)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("Imported 2, duplicates 0, rejected 1")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("the import runs in the background")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/imports/" + id + "/errors.csv")));
        // Finished: the progress fragment stops polling.
        mvc.perform(get("/imports/" + id + "/progress").with(user(checker)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("All 3 rows read")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hx-trigger"))));
        mvc.perform(get("/imports/" + id + "/errors.csv").with(user(checker)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "line,column,reason,excerpt\r\n3,platform,Unknown platform 'myspace'.,https://example.vn/"
                                        + marker + "/2\r\n")));

        // The same file again: nothing is added, the page says so.
        mvc.perform(put("/imports/upload")
                        .param("format", "csv")
                        .param("unit", unit.id().toString())
                        .content(csv().getBytes(StandardCharsets.UTF_8))
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location").value("/imports/" + id + "?import=already"));

        // The same file for another unit (a district importing the province's export) is that unit's own job, not
        // "imported before" with another unit's job page.
        TestAccounts accounts = new TestAccounts(network);
        Unit district = accounts.unit("Import web district " + System.nanoTime());
        CurrentUser districtChecker = accounts.user(Role.CHECKER, district.id());
        MvcResult again = mvc.perform(put("/imports/upload")
                        .param("format", "csv")
                        .param("unit", district.id().toString())
                        .content(csv().getBytes(StandardCharsets.UTF_8))
                        .with(user(districtChecker))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location").value(org.hamcrest.Matchers.containsString("?import=started")))
                .andReturn();
        String districtLocation = json.readTree(again.getResponse().getContentAsString())
                .get("location")
                .asString();
        ImportJob districtJob = awaitFinished(
                ImportId.valueOf(districtLocation.substring("/imports/".length(), districtLocation.indexOf('?'))));
        assertThat(districtJob.id()).isNotEqualTo(id);
        assertThat(districtJob.unit()).isEqualTo(district.id());
        assertThat(districtJob.finished()).isTrue();
        // The list says whose each job is.
        String list = mvc.perform(get("/imports").with(user(checker)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(list)
                        .select("tr.import-job td.import-unit")
                        .eachText())
                .contains(unit.name(), district.name());
        // Posts are the network's: the district's rows are the province's items seen again.
        assertThat(districtJob.summary()).isEqualTo("imported 0, duplicates 2, rejected 1");
    }

    @Test
    void showsLiveProgressWhileAJobRuns() throws Exception {
        Instant now = Instant.now();
        ImportJob running = new ImportJob(
                ImportId.random(),
                marker + "0".repeat(64 - marker.length()),
                ImportFormat.CSV,
                unit.id(),
                "big.csv",
                1000,
                ImportState.RUNNING,
                41,
                250,
                40,
                38,
                1,
                1,
                null,
                null,
                now,
                now,
                null);
        jobs.insert(running, null, null);

        mvc.perform(get("/imports/" + running.id() + "/progress")
                        .with(user(viewer))
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("hx-trigger=\"every 1s\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "hx-get=\"/imports/" + running.id() + "/progress\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"25\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("25% read, 40 rows so far")));
    }

    @Test
    void anImportInterruptedOnTheCommandLineIsFinishedByUploadingTheSameFile() throws Exception {
        byte[] content = csv().replace("/1,", "/cli1,").getBytes(StandardCharsets.UTF_8);
        String sha256 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        Instant now = Instant.now();
        ImportJob interrupted = new ImportJob(
                ImportId.random(),
                sha256,
                ImportFormat.CSV,
                unit.id(),
                "export.csv",
                content.length,
                ImportState.RUNNING,
                1,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                now,
                now,
                null);
        jobs.insert(interrupted, null, null);

        mvc.perform(put("/imports/upload")
                        .param("format", "csv")
                        .param("unit", unit.id().toString())
                        .content(content)
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.location").value("/imports/" + interrupted.id() + "?import=started"));

        assertThat(awaitFinished(interrupted.id()).summary()).isEqualTo("imported 2, duplicates 0, rejected 1");
    }

    @Test
    void acceptsAMultipartUploadWithoutScript() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "export.csv", "text/csv", csv().replace("/1,", "/m1,").getBytes(StandardCharsets.UTF_8));
        MvcResult result = mvc.perform(multipart("/imports")
                        .file(file)
                        .param("format", "CSV")
                        .param("unit", unit.id().toString())
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/imports/");
        ImportJob job = awaitFinished(ImportId.valueOf(location.substring("/imports/".length())));
        assertThat(job.summary()).isEqualTo("imported 2, duplicates 0, rejected 1");
    }

    @Test
    void refusesAViewerAndAFileWithoutHeader() throws Exception {
        uploadAsCsv(viewer, csv())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("You need the Checker role in this unit to import."));
        // A viewer is told what importing needs instead of being offered a form with no unit to choose.
        String page = mvc.perform(get("/imports").with(user(viewer)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("id=\"import-form\"").contains("id=\"import-not-checker\"");
        uploadAsCsv(checker, "a,b\n1," + marker + "\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("The header needs a platform column and a text or url column."));
        // The two usual wrong files get a message that says what is wrong with them.
        uploadAsCsv(checker, "{\"platform\": \"facebook\", \"text\": \"Tin đồn " + marker + "\"}\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error")
                        .value("The first line is a JSON object: this looks like a JSONL file. Choose the jsonl"
                                + " format."));
        uploadAsCsv(checker, "url;platform;text\nhttps://example.vn/" + marker + ";facebook;Tin đồn\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error")
                        .value(org.hamcrest.Matchers.startsWith(
                                "The header is a single column holding semicolons or tabs")));
    }

    /** Uploads {@code content} as a CSV for the test's unit, the answer in English. */
    private org.springframework.test.web.servlet.ResultActions uploadAsCsv(CurrentUser who, String content)
            throws Exception {
        return mvc.perform(put("/imports/upload")
                .param("format", "csv")
                .param("unit", unit.id().toString())
                .content(content.getBytes(StandardCharsets.UTF_8))
                .with(user(who))
                .with(csrf())
                .locale(Locale.ENGLISH));
    }

    @Test
    void theItemPageShowsTheExtraColumnsOfTheRowsAnItemCameFrom() throws Exception {
        String file = "url,platform,text,author_handle,post_id,note\n"
                + "https://example.vn/" + marker + "/a1,facebook,Tin đồn có cột thêm " + marker
                + ",@ai,fb-9,<b>ghi chú</b>\n"
                + "https://example.vn/" + marker + "/a2,zalo,Tin đồn không có cột thêm " + marker + ",@ai,,\n";
        MvcResult uploaded = mvc.perform(put("/imports/upload")
                        .param("format", "csv")
                        .param("unit", unit.id().toString())
                        .param("name", "columns.csv")
                        .content(file.getBytes(StandardCharsets.UTF_8))
                        .contentType("application/octet-stream")
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        String location = json.readTree(uploaded.getResponse().getContentAsString())
                .get("location")
                .asString();
        ImportId id = ImportId.valueOf(location.substring("/imports/".length(), location.indexOf('?')));
        assertThat(awaitFinished(id).summary()).isEqualTo("imported 2, duplicates 0, rejected 0");
        String withColumns = itemWithUrl("https://example.vn/" + marker + "/a1");
        String without = itemWithUrl("https://example.vn/" + marker + "/a2");

        mvc.perform(get("/items/" + withColumns).with(user(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/imports/items/" + withColumns)));
        org.jsoup.nodes.Document panel = org.jsoup.Jsoup.parse(mvc.perform(
                        get("/imports/items/" + withColumns).with(user(viewer)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(panel.select("#item-imports h2").text()).isEqualTo("Imported data");
        assertThat(panel.select("#item-import-0 a").attr("href")).isEqualTo("/imports/" + id);
        assertThat(panel.select("#item-import-0 h3").text()).startsWith("columns.csv line 2 · imported");
        assertThat(panel.select("#item-import-0 dt").eachText()).containsExactly("post_id", "note");
        assertThat(panel.select("#item-import-0 dd").eachText()).containsExactly("fb-9", "<b>ghi chú</b>");
        assertThat(panel.select("#item-import-0 dd b"))
                .as("shown as text, never as markup")
                .isEmpty();
        assertThat(panel.text()).doesNotContain("@ai");

        String empty = mvc.perform(get("/imports/items/" + without).with(user(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(empty).select("#item-imports").outerHtml())
                .isEqualTo("<div id=\"item-imports\"></div>");
    }

    private String itemWithUrl(String url) {
        return jdbc.sql("select id from intake_item where url = :url")
                .param("url", url)
                .query(java.util.UUID.class)
                .single()
                .toString();
    }
}
