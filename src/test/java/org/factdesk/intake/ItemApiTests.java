package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.ItemId;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@DeskTest
class ItemApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    IntakeProperties properties;

    Unit unit;
    String checkerToken;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        unit = accounts.unit("Intake desk");
        checkerToken = accounts.token(accounts.user(Role.CHECKER, unit.id()));
        marker = Long.toString(System.nanoTime(), 36);
    }

    private ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/api/v1/items")
                .header("Authorization", "Bearer " + checkerToken)
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long itemCount() {
        return intake.search(ItemQuery.ALL, 0, 1).total();
    }

    @Test
    void logsAnItemAndReadsItBack() throws Exception {
        String body = submit("""
                        {"url": "https://www.facebook.com/groups/g/posts/%s?fbclid=abc", "text": "Xông hơi sả gừng %s diệt virus",
                         "platform": "FACEBOOK", "seenAt": "2021-07-20T08:00:00Z", "engagement": {"likes": 1200, "shares": 340}}
                        """.formatted(marker, marker))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/items/")))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.language").value("vi"))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.unit").value(unit.id().toString()))
                .andExpect(jsonPath("$.engagement.likes").value(1200))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = body.replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/v1/items/" + id).header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seenAt").value("2021-07-20T08:00:00Z"))
                .andExpect(jsonPath("$.text").value("Xông hơi sả gừng " + marker + " diệt virus"));
    }

    @Test
    void storesALinkWithoutTheUserNameAndPasswordTypedBeforeItsHost() throws Exception {
        String body = submit("""
                        {"url": "https://editor:hunter2@facebook.com/groups/g/posts/%s", "platform": "FACEBOOK"}
                        """.formatted(marker))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value("https://facebook.com/groups/g/posts/" + marker))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(body).doesNotContain("hunter2");
    }

    @Test
    void recognisesTheSameUrlAndTheSameTextAsDuplicates() throws Exception {
        submit("""
                {"url": "https://www.tiktok.com/@page/video/%s?is_from_webapp=1&utm_source=x", "platform": "TIKTOK"}
                """.formatted(marker)).andExpect(status().isCreated());
        long count = itemCount();
        submit("""
                {"url": "https://tiktok.com/@page/video/%s/?is_from_webapp=1", "platform": "TIKTOK"}
                """.formatted(marker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true))
                .andExpect(jsonPath("$.timesSeen").value(2));

        submit("""
                {"text": "Tiêm vắc xin %s gây vô sinh", "platform": "ZALO"}
                """.formatted(marker)).andExpect(status().isCreated());
        submit("""
                {"text": "  TIÊM vắc xin %s   gây vô sinh!! ", "platform": "ZALO"}
                """.formatted(marker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));
        assertThat(itemCount()).isEqualTo(count + 1);
    }

    @Test
    void searchesWithAndWithoutDiacritics() throws Exception {
        submit("""
                {"text": "Uống nước chanh nóng %s diệt được virus corona", "platform": "FACEBOOK"}
                """.formatted(marker)).andExpect(status().isCreated());
        for (String query : new String[] {"nước chanh " + marker, "nuoc chanh " + marker, "NUOC CHANH " + marker}) {
            mvc.perform(get("/api/v1/items").param("q", query).header("Authorization", "Bearer " + checkerToken))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.content[0].text").value(containsString("chanh")));
        }
        mvc.perform(get("/api/v1/items")
                        .param("q", "nuoc cam " + marker)
                        .header("Authorization", "Bearer " + checkerToken))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/items")
                        .param("q", marker)
                        .param("platform", "YOUTUBE")
                        .header("Authorization", "Bearer " + checkerToken))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/items").param("q", "100%_" + marker).header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void refusesBadInputWithClearProblemsAndStoresNothing() throws Exception {
        long count = itemCount();
        submit("""
                {"text": "%s", "platform": "FACEBOOK"}
                """.formatted("a".repeat(properties.maxTextLength() + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("the limit is " + properties.maxTextLength())));
        submit("""
                {"url": "javascript:alert(1)", "platform": "FACEBOOK"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("intake.error.invalid-url"));
        submit("""
                {"url": "https://example.org/%s", "platform": "MYSPACE"}
                """.formatted(marker))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("platform"))
                .andExpect(jsonPath("$.detail").value(containsString("FACEBOOK")));
        submit("""
                {"platform": "FACEBOOK", "text": "   "}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Give a link, a text, or both."));
        submit("""
                {"url": "https://example.org/%s"}
                """.formatted(marker))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("platform"));
        submit("""
                {"text": "future %s", "platform": "X", "seenAt": "2999-01-01T00:00:00Z"}
                """.formatted(marker)).andExpect(status().isBadRequest());
        submit("""
                {"text": "negative %s", "platform": "X", "engagement": {"shares": -1}}
                """.formatted(marker))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("engagement.shares"));
        submit("{not json").andExpect(status().isBadRequest());
        assertThat(itemCount()).isEqualTo(count);
    }

    @Test
    void cleansControlCharactersInsteadOfFailing() throws Exception {
        submit("{\"text\": \"tin \\u0000gi\\u0007\\u001b\\u0003 %s\", \"platform\": \"OTHER\"}".formatted(marker))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.text").value("tin gi " + marker));
    }

    @Test
    void onlyCheckersLogItemsButEveryoneReadsThem() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser viewer = accounts.user(Role.VIEWER, unit.id());
        Unit other = accounts.unit("Other desk");
        CurrentUser otherChecker = accounts.user(Role.CHECKER, other.id());
        long count = itemCount();
        mvc.perform(post("/api/v1/items")
                        .header("Authorization", "Bearer " + accounts.token(viewer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"viewer " + marker + "\", \"platform\": \"X\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/items")
                        .header("Authorization", "Bearer " + accounts.token(otherChecker))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"elsewhere " + marker + "\", \"platform\": \"X\", \"unit\": \""
                                + unit.id() + "\"}"))
                .andExpect(status().isForbidden());
        assertThat(itemCount()).isEqualTo(count);

        SubmissionResult logged = intake.submit(
                new TestAccounts(network).user(Role.CHECKER, unit.id()),
                SubmitItem.of(null, "readable " + marker, org.factdesk.shared.Platform.X));
        mvc.perform(get("/api/v1/items/" + logged.item().id())
                        .header("Authorization", "Bearer " + accounts.token(otherChecker)))
                .andExpect(status().isOk());
    }

    @Test
    void answersNotFoundAndBadIdsAsProblems() throws Exception {
        mvc.perform(get("/api/v1/items/" + ItemId.random()).header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/v1/items/42").header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/items").param("size", "100000").header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/items").param("language", "fr").header("Authorization", "Bearer " + checkerToken))
                .andExpect(status().isBadRequest());
    }
}
