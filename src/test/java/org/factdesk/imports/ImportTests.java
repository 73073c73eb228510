package org.factdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.imports.ImportExceptions.InvalidImport;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemQuery;
import org.factdesk.intake.SubmitItem;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk imports through the API: rows become items, bad rows are reported by line, files are imported once. */
@DeskTest
class ImportTests {

    static final String HEADER =
            "url,platform,text,author_handle,published_at,likes,shares,comments,views,language,post_id";

    @Autowired
    ImportManagement imports;

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    JdbcClient jdbc;

    Unit unit;
    CurrentUser checker;
    CurrentUser editor;
    String marker;
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        TestAccounts accounts = new TestAccounts(network);
        unit = accounts.unit("Import desk " + System.nanoTime());
        checker = accounts.user(Role.CHECKER, unit.id());
        editor = accounts.user(Role.EDITOR, unit.id());
        marker = org.factdesk.testing.OwnText.marker();
        dir = Files.createDirectories(Path.of("target", "import-tests", marker));
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    ImportJob run(Path file, ImportFormat format) {
        return imports.importFile(file, format, unit.id().toString(), job -> {}).job();
    }

    String report(ImportJob job) {
        StringWriter out = new StringWriter();
        imports.writeErrorReport(job.id(), Locale.ENGLISH, out);
        return out.toString();
    }

    List<Item> itemsWithMarker() {
        return intake.search(new ItemQuery(marker, null, null, null, null), 0, 100)
                .content();
    }

    @Test
    void importsRowsAsItemsKeepingExtraColumnsAndNeverTheAuthorHandle() throws IOException {
        Path file = write(
                "posts.csv",
                HEADER + "\n"
                        + "https://www.facebook.com/p/" + marker
                        + "-1,Facebook,\"Uống nước chanh nóng diệt virus corona, "
                        + marker + " chia sẻ ngay\",@nguoidang,2025-03-01T08:30:00+07:00,120,45,8,,vi,fb-001\n"
                        + ",YT,\"A video says 5G towers spread the virus " + marker
                        + "\",@someone,2025-03-02 10:00,1_000,,,5000,en,yt-002\n");

        ImportJob job = run(file, ImportFormat.CSV);

        assertThat(job.state()).isEqualTo(ImportState.DONE);
        assertThat(job.summary()).isEqualTo("imported 2, duplicates 0, rejected 0");
        List<Item> items = itemsWithMarker();
        assertThat(items).hasSize(2);
        Item facebook = items.stream()
                .filter(item -> item.platform() == Platform.FACEBOOK)
                .findFirst()
                .orElseThrow();
        assertThat(facebook.seenAt()).isEqualTo(Instant.parse("2025-03-01T01:30:00Z"));
        assertThat(facebook.engagement().likes()).isEqualTo(120);
        assertThat(facebook.engagement().views()).isNull();
        assertThat(facebook.submittedBy()).isNull();
        Item youtube = items.stream()
                .filter(item -> item.platform() == Platform.YOUTUBE)
                .findFirst()
                .orElseThrow();
        // A local date-time is read in the desk's time zone (Asia/Ho_Chi_Minh, UTC+7).
        assertThat(youtube.seenAt()).isEqualTo(Instant.parse("2025-03-02T03:00:00Z"));
        assertThat(youtube.engagement().likes()).isEqualTo(1000);
        assertThat(imports.attributesOf(facebook.id())).containsExactly(Map.of("post_id", "fb-001"));
        assertThat(imports.attributesOf(youtube.id())).containsExactly(Map.of("post_id", "yt-002"));
        // The handle is stored nowhere: not on the item, not as an attribute, not in any table's text.
        assertThat(jdbc.sql("select count(*) from intake_item where search_text like '%nguoidang%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from imports_item_attribute where attributes like '%nguoidang%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 30; i++) {
            csv.append("https://example.vn/")
                    .append(marker)
                    .append('/')
                    .append(i)
                    .append(",web,Bài viết số ")
                    .append(i)
                    .append(' ')
                    .append(marker)
                    .append(",,,,,,,,p")
                    .append(i)
                    .append('\n');
        }
        csv.append("https://example.vn/").append(marker).append("/0,web,copy,,,,,,,,again\n");
        Path file = write("twice.csv", csv.toString());

        ImportJob first = run(file, ImportFormat.CSV);
        assertThat(first.summary()).isEqualTo("imported 30, duplicates 1, rejected 0");
        int timesSeen = itemsWithMarker().stream().mapToInt(Item::timesSeen).sum();
        long sightings = jdbc.sql("select count(*) from intake_sighting s join intake_item i on i.id = s.item_id"
                        + " where i.search_text like :m")
                .param("m", "%" + marker + "%")
                .query(Long.class)
                .single();

        ImportManagement.Started second =
                imports.importFile(file, ImportFormat.CSV, unit.id().toString(), job -> {});

        assertThat(second.alreadyDone()).isTrue();
        assertThat(second.job().id()).isEqualTo(first.id());
        assertThat(itemsWithMarker()).hasSize(30);
        assertThat(itemsWithMarker().stream().mapToInt(Item::timesSeen).sum())
                .isEqualTo(timesSeen)
                .isEqualTo(31);
        assertThat(jdbc.sql("select count(*) from intake_sighting s join intake_item i on i.id = s.item_id"
                                + " where i.search_text like :m")
                        .param("m", "%" + marker + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(sightings);
    }

    /**
     * What H2 can leave after a kill during its disk write (h2database issue 2080): rows of a batch without the
     * checkpoint after it. Made here by moving a finished job's checkpoint back by hand.
     */
    @Test
    void rowsPastTheCheckpointAreDroppedAndReadAgainSoTheJobFinishes() throws IOException {
        String first = "https://example.vn/" + marker + "/1,facebook,Hàng đầu tiên " + marker + ",,,,,,,,a\n";
        Path file = write(
                "torn.csv",
                HEADER + "\n" + first
                        + "https://example.vn/" + marker + "/2,facebook,Hàng thứ hai " + marker + ",,,,,,,,b\n"
                        + "https://example.vn/" + marker + "/3,facebook,too,few\n"
                        + "https://example.vn/" + marker + "/4,facebook,Hàng thứ tư " + marker + ",,,,,,,,d\n");
        ImportJob done = run(file, ImportFormat.CSV);
        assertThat(done.summary()).isEqualTo("imported 3, duplicates 0, rejected 1");
        long afterFirstRow = (HEADER + "\n" + first).getBytes(StandardCharsets.UTF_8).length;
        jdbc.sql("""
                        update imports_job set state = 'RUNNING', next_line = 3, next_offset = :offset, rows_read = 1,
                            imported = 1, duplicates = 0, rejected = 0, finished_at = null
                        where id = :id""")
                .param("offset", afterFirstRow)
                .param("id", done.id().value())
                .update();

        ImportJob resumed = run(file, ImportFormat.CSV);

        assertThat(resumed.id()).isEqualTo(done.id());
        assertThat(resumed.state()).isEqualTo(ImportState.DONE);
        // Lines 3-5 were read again: their items already existed, so they count as duplicates of themselves.
        assertThat(resumed.summary()).isEqualTo("imported 1, duplicates 2, rejected 1");
        assertThat(jdbc.sql("select line_no from imports_item_attribute where job_id = :id order by line_no")
                        .param("id", done.id().value())
                        .query(Long.class)
                        .list())
                .containsExactly(2L, 3L, 5L);
        assertThat(jdbc.sql("select line_no from imports_error where job_id = :id")
                        .param("id", done.id().value())
                        .query(Long.class)
                        .list())
                .containsExactly(4L);
        assertThat(itemsWithMarker()).hasSize(3);
    }

    @Test
    void rejectsBadRowsWithTheirLineNumbersAndKeepsTheGoodOnes() throws IOException {
        String tooLong = "x".repeat(20_001);
        String csv = HEADER + "\n"
                + "https://example.vn/" + marker + "/good1,facebook,Tin tốt một " + marker + ",,,,,,,,\n" // line 2
                + "https://example.vn/" + marker + "/cols,facebook,too,few\n" // line 3
                + "https://example.vn/" + marker + "/date,facebook,Ngày sai " + marker + ",,yesterday,,,,,,\n" // 4
                + "https://example.vn/" + marker + "/plat,myspace,Nền tảng lạ " + marker + ",,,,,,,,\n" // 5
                + "https://example.vn/" + marker + "/long,facebook," + tooLong + ",,,,,,,,\n" // 6
                + "https://example.vn/" + marker + "/count,facebook,Đếm sai " + marker + ",,,nhiều,,,,,\n" // 7
                + "not a link,facebook,Liên kết sai " + marker + ",,,,,,,,\n" // 8
                + "https://example.vn/" + marker + "/good2,tiktok,\"Tin tốt hai, " + marker + "\",,,,,,,,\n"; // 9
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        // Line 10: the same kind of row saved as Windows-1258 / Latin-1 by a spreadsheet: not UTF-8.
        byte[] latin = ("https://example.vn/" + marker + "/enc,facebook,Caf\u00e9 \u00e0 H\u00e0 N\u1ed9i " + marker
                        + ",,,,,,,,\n")
                .getBytes(Charset.forName("windows-1258"));
        byte[] good3 = ("https://example.vn/" + marker + "/good3,zalo,Tin tốt ba " + marker + ",,,,,,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("bad.csv");
        Files.write(file, concat(utf8, latin, good3));

        ImportJob job = run(file, ImportFormat.CSV);

        assertThat(job.state()).isEqualTo(ImportState.DONE);
        assertThat(job.summary()).isEqualTo("imported 3, duplicates 0, rejected 7");
        assertThat(itemsWithMarker())
                .extracting(Item::url)
                .containsExactlyInAnyOrder(
                        "https://example.vn/" + marker + "/good1",
                        "https://example.vn/" + marker + "/good2",
                        "https://example.vn/" + marker + "/good3");
        List<String> lines = report(job).lines().toList();
        assertThat(lines.get(0)).isEqualTo("line,column,reason,excerpt");
        assertThat(lines.subList(1, lines.size()))
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("3,,\"Expected 11 columns, found 4.\""),
                        line -> assertThat(line).startsWith("4,published_at,\"'yesterday' is not a date-time"),
                        line -> assertThat(line).startsWith("5,platform,Unknown platform 'myspace'."),
                        line -> assertThat(line)
                                .startsWith("6,text,The text has 20001 characters; the limit is 20000.,"),
                        line -> assertThat(line).startsWith("7,likes,\"'nhiều' is not a count"),
                        line -> assertThat(line).startsWith("8,url,'not a link' is not a valid http(s) link."),
                        line -> assertThat(line)
                                .startsWith("10,,Line 10 is not valid UTF-8")
                                .contains("/enc,facebook,Caf"));
    }

    @Test
    void brokenQuotingCostsItsRowsAndReadingGoesOn() throws IOException {
        String csv = HEADER + "\n"
                + "https://example.vn/" + marker + "/q1,facebook,\"Mở ngoặc không đóng " + marker + ",,,,,,,,\n" // 2
                + "https://example.vn/" + marker + "/q2,facebook,\"Tin tốt " + marker + "\",,,,,,,,\n" // 3
                + "https://example.vn/" + marker + "/q3,facebook,\"Đóng \"rồi thêm chữ " + marker + ",,,,,,,,\n" // 4
                + "https://example.vn/" + marker + "/q4,facebook,\"Hai\ndòng " + marker + "\",,,,,,,,\n" // 5-6
                + "https://example.vn/" + marker + "/q5,facebook,\"Mở mãi " + marker + ",,,,,,,,\n"; // 7, to the end

        ImportJob job = run(write("quotes.csv", csv), ImportFormat.CSV);

        assertThat(job.state()).isEqualTo(ImportState.DONE);
        assertThat(itemsWithMarker())
                .extracting(Item::url)
                .containsExactlyInAnyOrder(
                        "https://example.vn/" + marker + "/q2", "https://example.vn/" + marker + "/q4");
        assertThat(itemsWithMarker().stream()
                        .filter(item -> item.url().endsWith("/q4"))
                        .findFirst()
                        .orElseThrow()
                        .text())
                .isEqualTo("Hai\ndòng " + marker);
        List<String> lines = report(job).lines().skip(1).toList();
        assertThat(lines)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("2,,Text follows a closing quote"),
                        line -> assertThat(line).startsWith("4,,Text follows a closing quote"),
                        line -> assertThat(line).startsWith("7,,A quoted field is never closed"));
        assertThat(job.rowsRead()).isEqualTo(5);
    }

    @Test
    void jsonlLinesThatAreNotJsonObjectsAreRejectedAndTheOthersImported() throws IOException {
        String jsonl = "{\"url\":\"https://t.me/" + marker + "/1\",\"platform\":\"telegram\",\"text\":\"Tin nhắn "
                + marker + "\",\"author_handle\":\"@kenh\",\"views\":900,\"channel_title\":\"Kênh A\","
                + "\"tags\":[\"a\",\"b\"]}\n"
                + "{\"url\": \"https://t.me/" + marker + "/2\", \"platform\": \"telegram\", \"text\": \"cut off\n"
                + "\n"
                + "[1, 2, 3]\n"
                + "{\"url\":\"https://x.com/" + marker + "/3\",\"platform\":\"Twitter\",\"text\":\"A post "
                + marker + "\",\"published_at\":\"2025-01-05T00:00:00Z\"}\n";

        ImportJob job = run(write("posts.jsonl", jsonl), ImportFormat.JSONL);

        assertThat(job.summary()).isEqualTo("imported 2, duplicates 0, rejected 2");
        Item telegram = itemsWithMarker().stream()
                .filter(item -> item.platform() == Platform.TELEGRAM)
                .findFirst()
                .orElseThrow();
        assertThat(telegram.engagement().views()).isEqualTo(900);
        assertThat(imports.attributesOf(telegram.id()))
                .containsExactly(Map.of("channel_title", "Kênh A", "tags", "[\"a\",\"b\"]"));
        assertThat(report(job).lines().skip(1).toList())
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("2,,The line is not JSON."),
                        line -> assertThat(line).startsWith("4,,The line is JSON but not an object."));
    }

    @Test
    void aFileWithoutUsableHeaderIsRefusedAsAWhole() throws IOException {
        assertThatThrownBy(() -> run(write("noheader.csv", "a,b,c\n1,2,3\n"), ImportFormat.CSV))
                .isInstanceOf(InvalidImport.class)
                .hasMessageContaining("imports.error.header-columns");
        assertThatThrownBy(() -> run(write("dup.csv", "text,platform,Text\n1,2,3\n"), ImportFormat.CSV))
                .isInstanceOf(InvalidImport.class)
                .hasMessageContaining("imports.error.header-duplicate");
        Path latinHeader = dir.resolve("latin.csv");
        Files.write(latinHeader, "text,platform,n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> run(latinHeader, ImportFormat.CSV))
                .isInstanceOf(InvalidImport.class)
                .hasMessageContaining("imports.error.header");
    }

    @Test
    void rowsAreClusteredWithTheirNearDuplicatesAndMatchedAgainstCheckedClaims() throws IOException {
        String claim = "Uống nước chanh nóng giúp diệt virus corona trong cổ họng " + marker;
        Case kase = publish(claim);
        awaitEventListeners();
        Item stored = intake.submit(
                        checker,
                        SubmitItem.of(
                                null,
                                "Tỏi ngâm giấm chữa khỏi ung thư gan sau ba tuần uống đều đặn " + marker,
                                Platform.FACEBOOK))
                .item();
        String csv = HEADER + "\n"
                + ",facebook,\"" + claim + " 😱😱 chia sẻ ngay\",,,,,,,,\n"
                + ",zalo,\"" + claim.replace("corona", "corona ạ") + " !!!\",,,,,,,,\n"
                + ",facebook,\"Tỏi ngâm giấm chữa khỏi ung thư gan sau ba tuần uống đều đặn " + marker
                + " 🙏\",,,,,,,,\n"
                + ",tiktok,\"Hoàn toàn khác: xe buýt điện miễn phí cho học sinh từ tháng sau " + marker
                + "\",,,,,,,,\n";

        ImportJob job = run(write("near.csv", csv), ImportFormat.CSV);
        awaitEventListeners();

        assertThat(job.summary()).isEqualTo("imported 4, duplicates 0, rejected 0");
        List<Item> imported = itemsWithMarker().stream()
                .filter(item -> item.submittedBy() == null)
                .toList();
        Item first = byPlatform(imported, Platform.FACEBOOK, "chanh");
        Item second = byPlatform(imported, Platform.ZALO, "chanh");
        Item garlic = byPlatform(imported, Platform.FACEBOOK, "Tỏi");
        Item bus = byPlatform(imported, Platform.TIKTOK, "buýt");
        assertThat(intake.clusterOf(second.id()).id())
                .isEqualTo(intake.clusterOf(first.id()).id());
        assertThat(intake.clusterOf(garlic.id()).id())
                .isEqualTo(intake.clusterOf(stored.id()).id());
        assertThat(intake.clusterOf(bus.id()).items()).hasSize(1);
        assertThat(matching.matchesOf(first.id()))
                .extracting(match -> match.match().caseId())
                .contains(kase.id());
        assertThat(matching.matchesOf(second.id()))
                .extracting(match -> match.match().caseId())
                .contains(kase.id());
        assertThat(matching.matchesOf(bus.id())).isEmpty();
    }

    static Item byPlatform(List<Item> items, Platform platform, String word) {
        return items.stream()
                .filter(item -> item.platform() == platform && item.text().contains(word))
                .findFirst()
                .orElseThrow();
    }

    Case publish(String claim) {
        Item item = intake.submit(checker, SubmitItem.of(null, claim + " nguồn " + marker, Platform.FACEBOOK))
                .item();
        Case kase = cases.open(
                checker, new OpenCase(unit.id(), claim, List.of(new NewClaim(claim, null)), List.of(item.id())));
        cases.triage(checker, kase.id(), 1, List.of("covid-19"));
        cases.assign(checker, kase.id(), checker.id());
        cases.addEvidence(
                checker,
                kase.id(),
                new NewEvidence.Link("https://www.who.int/news-room/myth-busters", "WHO myth busters", null));
        cases.proposeVerdict(checker, kase.id(), Rating.FALSE, "Không có bằng chứng nào cho thấy điều này.");
        return cases.approve(editor, kase.id());
    }

    void awaitEventListeners() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        > 0
                && System.currentTimeMillis() < deadline) {
            sleep(Duration.ofMillis(50));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        List<Byte> all = new ArrayList<>();
        for (byte[] part : parts) {
            for (byte b : part) {
                all.add(b);
            }
        }
        byte[] bytes = new byte[all.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = all.get(i);
        }
        return bytes;
    }
}
