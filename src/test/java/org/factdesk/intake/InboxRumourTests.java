package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.OwnText;
import org.factdesk.testing.QueryStatistics;
import org.factdesk.testing.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inbox shows one row per rumour: the near duplicates of one post as one row with their counts and copies per
 * day, linking to the cluster page; single items as themselves; filters, search and paging over the rows.
 */
@DeskTest
class InboxRumourTests {

    static final Cookie ENGLISH = new Cookie("factdesk-lang", "en");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    JdbcClient jdbc;

    CurrentUser checker;
    String m;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        checker = accounts.user(Role.CHECKER, accounts.unit("Rumour inbox desk").id());
        m = "r" + Long.toString(System.nanoTime(), 36);
    }

    static final String RUMOUR = "Khẩn: điện lực xã sẽ cắt điện toàn bộ 5 ngày từ thứ hai tới để thay trạm biến áp,"
            + " bà con nhớ tích nước và sạc sẵn điện thoại nha";

    /** This test's rumour, marked so that other tests' rumours are never its near duplicates. */
    private String rumour() {
        return OwnText.marked(m, RUMOUR);
    }

    private Item submit(String text, Platform platform, Instant seenAt) {
        return intake.submit(checker, new SubmitItem(null, null, null, text, platform, Language.VI, seenAt, null, null))
                .item();
    }

    private Document inbox(String... parameters) throws Exception {
        var request = get("/items").cookie(ENGLISH).with(user(checker));
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.param(parameters[i], parameters[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void showsNearDuplicatesAsOneRowWithTheirCopiesPerDay() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Item first = submit(rumour(), Platform.FACEBOOK, now.minus(Duration.ofDays(3)));
        submit("‼️‼️ " + rumour() + " CHIA SẺ NGAY", Platform.ZALO, now.minus(Duration.ofDays(1)));
        Item latest = submit(OwnText.marked(m, RUMOUR.replace("5 ngày", "năm ngày")), Platform.TIKTOK, now);
        submit(rumour(), Platform.FACEBOOK, now); // an exact duplicate: one more copy today
        Item single = submit("Chợ đêm phường " + m + " mở cửa lại từ tối thứ bảy", Platform.X, now);
        ClusterId cluster = intake.clusterOf(first.id()).id();

        Document page = inbox("q", m);
        assertThat(page.select("#items tbody tr")).hasSize(2);
        Element row = page.getElementById("rumour-" + cluster);
        assertThat(row).as("one row for the rumour").isNotNull();
        assertThat(row.hasClass("rumour-row")).isTrue();
        assertThat(row.attr("data-copies")).isEqualTo("4");
        assertThat(row.attr("data-items")).isEqualTo("3");
        assertThat(row.select(".rumour-copies").text()).isEqualTo("4 copies");
        assertThat(row.text()).contains("3 posts").contains("first seen").contains("last seen");
        assertThat(page.getElementById("rumour-link-" + cluster).attr("href")).isEqualTo("/items/clusters/" + cluster);
        assertThat(page.getElementById("rumour-link-" + cluster).text())
                .as("named by its first item")
                .isEqualTo(first.headline());
        assertThat(page.getElementById("rumour-latest-" + cluster).attr("href")).isEqualTo("/items/" + latest.id());
        assertThat(page.getElementById("item-row-" + latest.id()))
                .as("its items have no rows of their own")
                .isNull();
        assertThat(page.getElementById("item-row-" + single.id()))
                .as("a single item as now")
                .isNotNull();

        Document unfiltered = inbox();
        assertThat(unfiltered.select("#items tbody tr").eachAttr("id"))
                .as("the newest rows of the whole inbox, without filters")
                .startsWith("item-row-" + single.id(), "rumour-" + cluster);
        assertThat(unfiltered.getElementById("rumour-" + cluster).attr("data-copies"))
                .isEqualTo("4");
        assertThat(unfiltered.getElementById("rumour-latest-" + cluster).attr("href"))
                .isEqualTo("/items/" + latest.id());

        Element sparkline = page.getElementById("sparkline-" + cluster);
        assertThat(sparkline).isNotNull();
        assertThat(sparkline.select("rect")).hasSize(InboxRow.DAYS);
        assertThat(sparkline.select("rect").eachAttr("data-count").stream()
                        .mapToInt(Integer::parseInt)
                        .sum())
                .isEqualTo(4);
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        Element todayBar = sparkline.selectFirst("rect[data-day=" + today + "]");
        assertThat(todayBar).isNotNull();
        assertThat(todayBar.attr("data-count")).isEqualTo("2");
        assertThat(todayBar.attr("height")).isEqualTo("20");
        assertThat(sparkline
                        .selectFirst("rect[data-day=" + today.minusDays(2) + "]")
                        .attr("data-count"))
                .isEqualTo("0");
        assertThat(todayBar.parent().selectFirst("title").text()).endsWith(": 2 copies");
    }

    @Test
    void searchAndFiltersStillApplyToTheItemsOfARumour() throws Exception {
        Instant now = Instant.now();
        Item onFacebook = submit(rumour(), Platform.FACEBOOK, now.minus(Duration.ofHours(5)));
        submit(rumour() + " 😡 lan truyền ngay", Platform.ZALO, now);
        ClusterId cluster = intake.clusterOf(onFacebook.id()).id();

        Document zalo = inbox("q", m, "platform", "ZALO");
        Element row = zalo.getElementById("rumour-" + cluster);
        assertThat(row).as("the rumour has a Zalo copy").isNotNull();
        assertThat(row.select(".rumour-matching").text()).contains("1 of them match the filters");

        Document youtube = inbox("q", m, "platform", "YOUTUBE");
        assertThat(youtube.select("#items tbody tr")).isEmpty();
        assertThat(youtube.getElementById("inbox-empty")).isNotNull();

        Document dismissed = inbox("q", m, "status", "DISMISSED");
        assertThat(dismissed.select("#items tbody tr")).isEmpty();
        intake.dismiss(checker, onFacebook.id(), true);
        dismissed = inbox("q", m, "status", "DISMISSED");
        assertThat(dismissed.getElementById("rumour-" + cluster)).isNotNull();
        assertThat(dismissed.getElementById("rumour-latest-" + cluster).attr("href"))
                .isEqualTo("/items/" + onFacebook.id());

        Document unaccented = inbox("q", "luc xa " + m);
        assertThat(unaccented.getElementById("rumour-" + cluster)).isNotNull();
    }

    @Test
    void pagesOverRowsNotItems() throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now();
        List<Item> singles = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            singles.add(submit(
                    "%s %s %s %s %s".formatted(m, word(random), word(random), word(random), word(random)),
                    Platform.OTHER,
                    now));
        }
        Item first = submit(rumour(), Platform.FACEBOOK, now);
        submit(rumour() + " chia sẻ ngay", Platform.FACEBOOK, now);
        submit(rumour() + " 🙏", Platform.FACEBOOK, now);

        Document one = inbox("q", m);
        assertThat(one.select("#items tbody tr")).hasSize(25);
        assertThat(one.getElementById("rumour-" + intake.clusterOf(first.id()).id()))
                .as("the newest row comes first")
                .isNotNull();
        assertThat(one.select(".pager").text()).contains("Page 1 of 2 (27 in all)");
        Document two = inbox("q", m, "page", "1");
        assertThat(two.select("#items tbody tr")).hasSize(2);
        assertThat(two.select(".pager").text()).contains("Page 2 of 2 (27 in all)");
        assertThat(two.getElementById("item-row-" + singles.get(0).id())).isNotNull();

        Document beyond = inbox("q", m, "page", "5");
        assertThat(beyond.select("#items tbody tr")).isEmpty();
        assertThat(intake.inbox(new ItemQuery(m, null, null, null, null), 5, 25).total())
                .isEqualTo(27);
    }

    @Test
    void aPageIsOneQueryWhateverTheNumberOfRumours() throws Exception {
        assumeTrue(QueryStatistics.available(), "query statistics are H2's");
        Instant now = Instant.now();
        List<String> rumours = List.of(
                rumour(),
                OwnText.marked(
                        m,
                        "Trường tiểu học cho học sinh nghỉ học cả tuần vì dịch cúm lạ đang lây lan rất nhanh trong huyện"),
                OwnText.marked(
                        m,
                        "Cảnh báo: thịt lợn bán ở chợ bị nhiễm dịch tả, ai ăn vào sẽ phải nhập viện ngay trong đêm, đã có ca"));
        for (int r = 0; r < rumours.size(); r++) {
            submit(rumours.get(r), Platform.FACEBOOK, now.minus(Duration.ofDays(r)));
            submit(rumours.get(r) + " chia sẻ ngay", Platform.ZALO, now);
        }
        submit("Một tin lẻ " + m + " không trùng với tin nào khác cả", Platform.X, now);
        awaitEventListeners();

        QueryStatistics statistics = new QueryStatistics(jdbc);
        statistics.start();
        Document page = inbox("q", m);
        QueryStatistics.Counts counts = statistics.stop();

        assertThat(page.select("#items tbody tr.rumour-row")).hasSize(3);
        assertThat(page.select("#items tbody tr")).hasSize(4);
        assertThat(counts.of("intake_")).as(counts.toString()).isEqualTo(1);

        statistics.start();
        Document unfiltered = inbox();
        counts = statistics.stop();
        assertThat(unfiltered.select("#items tbody tr.rumour-row")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(counts.of("intake_")).as(counts.toString()).isEqualTo(1);
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** Matching reads new items as they arrive; its queries must not be counted as the page's. */
    private void awaitEventListeners() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }
}
