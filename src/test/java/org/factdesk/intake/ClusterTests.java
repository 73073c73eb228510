package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.ItemId;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.OwnText;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Near-duplicate clusters through HTTP. "First seen" is the earliest {@code seenAt} of a cluster's copies, not the
 * first one submitted; days are those of the installation's time zone (Asia/Ho_Chi_Minh, UTC+7).
 */
@DeskTest
class ClusterTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    ObjectMapper json;

    CurrentUser checker;
    String token;
    String m;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        checker = accounts.user(Role.CHECKER, accounts.unit("Cluster desk").id());
        token = accounts.token(checker);
        m = "x" + Long.toString(System.nanoTime(), 36);
    }

    /** Rumours of this test's own: marked, so that no other test's rumour is ever their near duplicate. */
    static final String WELL_WATER = "Khẩn cấp: nước giếng ở xã đã nhiễm chì nặng, uống vào sẽ bị ung thư chỉ sau"
            + " ba tháng, trạm y tế đã xác nhận và cả huyện đang hoang mang";

    private String bankRumour() {
        return OwnText.marked(
                m,
                "Ngân hàng phát 5 triệu đồng hỗ trợ mỗi người dân bị lũ, chỉ cần bấm vào đường link và nhập mã OTP"
                        + " trước ngày mai, đã có hàng nghìn người nhận được tiền");
    }

    private JsonNode submit(String text, String seenAt, int expectedStatus) throws Exception {
        String body = json.writeValueAsString(Map.of("text", text, "platform", "FACEBOOK", "seenAt", seenAt));
        String response = mvc.perform(post("/api/v1/items")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response);
    }

    private String id(JsonNode item) {
        return item.get("id").asString();
    }

    @Test
    void groupsFiveVariantsOfOneRumourWithCopiesPerDayAndLeavesUnrelatedPostsOut() throws Exception {
        String original = OwnText.marked(m, WELL_WATER);
        List<String> ids = new ArrayList<>();
        // Submitted first, but seen on the second day (2025-03-02 in Vietnam).
        ids.add(id(submit(original, "2025-03-02T03:00:00Z", 201)));
        // Seen earlier: 2025-03-01 23:30 UTC is 2025-03-02 06:30 in Vietnam; 2025-03-01 16:59 UTC is 23:59 on the 1st.
        ids.add(id(submit("😱😱 " + original + " 🙏 CHIA SẺ NGAY!!!", "2025-03-01T16:59:00Z", 201)));
        ids.add(id(submit(org.factdesk.shared.TextFolding.fold(original), "2025-03-01T23:30:00Z", 201)));
        ids.add(id(
                submit(OwnText.marked(m, WELL_WATER.replace("nhiễm chì", "nhiễm asen")), "2025-03-03T02:00:00Z", 201)));
        ids.add(id(submit(
                "TIN NÓNG‼️ " + OwnText.marked(m, WELL_WATER.replace("hoang mang", "lo lắng")) + " https://bit.ly/" + m,
                "2025-03-03T05:00:00Z",
                201)));
        String steam = id(submit(
                "Xông hơi sả gừng %s mỗi tối diệt được virus covid trong phổi, bác sĩ %s khuyên".formatted(m, m),
                "2025-03-02T03:00:00Z",
                201));
        String power = id(submit(
                "Thông báo: xã %s cắt điện 3 ngày liên tục từ thứ hai để sửa đường dây".formatted(m),
                "2025-03-02T03:00:00Z",
                201));
        // An exact duplicate of the original: one more copy, not one more item.
        JsonNode duplicate = submit("  " + original.toUpperCase() + "  ", "2025-03-04T01:00:00Z", 200);
        assertThat(duplicate.get("duplicate").asBoolean()).isTrue();
        assertThat(id(duplicate)).isEqualTo(ids.get(0));

        String cluster = json.readTree(mvc.perform(get("/api/v1/items/" + ids.get(3) + "/cluster")
                                .header("Authorization", "Bearer " + token))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        mvc.perform(get("/api/v1/items/clusters/" + cluster).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.copies").value(6))
                .andExpect(jsonPath("$.firstItem").value(ids.get(0)))
                .andExpect(jsonPath("$.firstSeen").value("2025-03-01T16:59:00Z"))
                .andExpect(jsonPath("$.lastSeen").value("2025-03-04T01:00:00Z"))
                .andExpect(jsonPath("$.items[*].id").value(containsInAnyOrder(ids.toArray())))
                .andExpect(jsonPath("$.items[0].id").value(ids.get(1)))
                .andExpect(jsonPath("$.perDay.length()").value(4))
                .andExpect(jsonPath("$.perDay[0].day").value("2025-03-01"))
                .andExpect(jsonPath("$.perDay[0].count").value(1))
                .andExpect(jsonPath("$.perDay[1].day").value("2025-03-02"))
                .andExpect(jsonPath("$.perDay[1].count").value(2))
                .andExpect(jsonPath("$.perDay[2].day").value("2025-03-03"))
                .andExpect(jsonPath("$.perDay[2].count").value(2))
                .andExpect(jsonPath("$.perDay[3].day").value("2025-03-04"))
                .andExpect(jsonPath("$.perDay[3].count").value(1));

        for (String unrelated : List.of(steam, power)) {
            mvc.perform(get("/api/v1/items/" + unrelated + "/cluster").header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(not(cluster)))
                    .andExpect(jsonPath("$.size").value(1))
                    .andExpect(jsonPath("$.copies").value(1));
        }

        Cluster read = intake.clusterOf(ItemId.valueOf(ids.get(2)));
        assertThat(read.id().toString()).isEqualTo(cluster);
        assertThat(read.perDay())
                .extracting(DailyCount::day)
                .containsExactly(
                        LocalDate.parse("2025-03-01"),
                        LocalDate.parse("2025-03-02"),
                        LocalDate.parse("2025-03-03"),
                        LocalDate.parse("2025-03-04"));
        assertThat(read.perDay().stream().mapToInt(DailyCount::count).sum()).isEqualTo(read.copies());
        assertThat(read.items().stream().mapToInt(Item::timesSeen).sum()).isEqualTo(read.copies());
    }

    @Test
    void showsTheClusterPageTheBadgeInTheInboxAndTheClusterOnTheItemPage() throws Exception {
        String original = bankRumour();
        Item first = intake.submit(checker, SubmitItem.of(null, original, org.factdesk.shared.Platform.ZALO))
                .item();
        intake.submit(checker, SubmitItem.of(null, original + " 😡😡 chia sẻ ngay", org.factdesk.shared.Platform.X));
        intake.submit(
                checker, SubmitItem.of(null, original.replace("Ngân hàng", "NH"), org.factdesk.shared.Platform.TIKTOK));
        Item alone = intake.submit(
                        checker, SubmitItem.of("https://example.org/" + m, null, org.factdesk.shared.Platform.WEBSITE))
                .item();
        Cluster cluster = intake.clusterOf(first.id());
        assertThat(cluster.size()).isEqualTo(3);
        assertThat(intake.clusterOf(alone.id()).size()).isEqualTo(1);

        mvc.perform(get("/items/clusters/" + cluster.id())
                        .with(user(checker))
                        .cookie(new Cookie("factdesk-lang", "vi")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tin đồn này: 3 bản sao trong 3 tin")))
                .andExpect(content().string(containsString("/items/" + first.id())))
                .andExpect(content().string(containsString("id=\"cluster-days\"")));
        mvc.perform(get("/items/clusters/" + cluster.id())
                        .with(user(checker))
                        .cookie(new Cookie("factdesk-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This rumour: 3 copies in 3 items")));

        mvc.perform(get("/items").param("q", m).with(user(checker)).cookie(new Cookie("factdesk-lang", "vi")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 bản sao")))
                .andExpect(content().string(containsString("/items/clusters/" + cluster.id())));

        mvc.perform(get("/items/" + first.id()).with(user(checker)).cookie(new Cookie("factdesk-lang", "vi")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Một trong 3 tin (3 bản sao)")))
                .andExpect(content().string(containsString("/items/clusters/" + cluster.id())));
        mvc.perform(get("/items/" + alone.id()).with(user(checker)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"item-cluster\""))));
    }

    @Test
    void answersAMissingClusterWithNotFoundAndAMalformedIdWithBadRequest() throws Exception {
        mvc.perform(get("/api/v1/items/clusters/" + ClusterId.random()).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("intake.error.cluster-not-found"));
        mvc.perform(get("/api/v1/items/clusters/not-a-uuid").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/items/" + ItemId.random() + "/cluster").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/items/clusters/" + ClusterId.random()).with(user(checker)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/items/clusters/42").with(user(checker))).andExpect(status().isBadRequest());
    }
}
