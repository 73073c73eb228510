package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DeskTest
class InboxPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    CurrentUser checker;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        checker = accounts.user(Role.CHECKER, accounts.unit("Inbox desk").id());
        marker = Long.toString(System.nanoTime(), 36);
    }

    @Test
    void submitsThroughTheFormAndFindsTheItemInTheInbox() throws Exception {
        mvc.perform(post("/items")
                        .with(user(checker))
                        .with(csrf())
                        .param("url", "https://zalo.me/g/" + marker)
                        .param("text", "Bộ Y tế thông báo phong tỏa toàn tỉnh " + marker)
                        .param("platform", "ZALO")
                        .param("language", "AUTO")
                        .param("seenAt", "2021-08-01T09:30")
                        .param("likes", "12"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/items/*"))
                .andExpect(flash().attribute("success", "intake.submitted"));

        mvc.perform(get("/items")
                        .param("q", "phong toa " + marker)
                        .with(user(checker))
                        .cookie(new Cookie("factdesk-lang", "vi")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bộ Y tế thông báo phong tỏa toàn tỉnh " + marker)))
                .andExpect(content().string(containsString("Hộp thư")));
    }

    @Test
    void showsTheExistingItemForADuplicate() throws Exception {
        intake.submit(checker, SubmitItem.of(null, "Ăn tỏi chữa khỏi Covid " + marker, Platform.FACEBOOK));
        mvc.perform(post("/items")
                        .with(user(checker))
                        .with(csrf())
                        .param("text", "ăn tỏi   chữa khỏi covid " + marker)
                        .param("platform", "FACEBOOK"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", "intake.duplicate"));
    }

    @Test
    void showsReadableErrorsNextToTheForm() throws Exception {
        long before = intake.search(ItemQuery.ALL, 0, 1).total();
        mvc.perform(post("/items")
                        .with(user(checker))
                        .with(csrf())
                        .cookie(new Cookie("factdesk-lang", "en"))
                        .param("url", "www.no-scheme.example")
                        .param("platform", "FACEBOOK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a valid http(s) link")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/items")
                        .with(user(checker))
                        .with(csrf())
                        .cookie(new Cookie("factdesk-lang", "en"))
                        .param("text", "x")
                        .param("platform", "FACEBOOK")
                        .param("likes", "-3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot be negative")));
        assertThat(intake.search(ItemQuery.ALL, 0, 1).total()).isEqualTo(before);
        // "From the link" without a link: asked for one or the other.
        mvc.perform(post("/items")
                        .with(user(checker))
                        .with(csrf())
                        .cookie(new Cookie("factdesk-lang", "en"))
                        .param("text", "Tin đồn " + marker)
                        .param("platform", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose the platform, or give the link")));
        assertThat(intake.search(ItemQuery.ALL, 0, 1).total()).isEqualTo(before);
    }

    @Test
    void thePlatformIsToldFromTheLinkUnlessChosen() throws Exception {
        // The form's default: the platform of the link's host (m.facebook.com is Facebook), a website otherwise.
        for (String[] link : new String[][] {
            {"https://m.facebook.com/story.php?story_fbid=" + marker, "FACEBOOK"},
            {"https://vnexpress.net/suc-khoe/" + marker, "WEBSITE"}
        }) {
            String location = mvc.perform(post("/items")
                            .with(user(checker))
                            .with(csrf())
                            .param("url", link[0])
                            .param("platform", ""))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            Item item = intake.get(org.factdesk.shared.ItemId.valueOf(location.substring("/items/".length())));
            assertThat(item.platform()).as(link[0]).isEqualTo(Platform.valueOf(link[1]));
        }
        String form = mvc.perform(get("/items/new").with(user(checker)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var select = org.jsoup.Jsoup.parse(form).selectFirst("select[name=platform]");
        assertThat(select.select("option").first().val()).isEmpty();
        assertThat(select.select("option[selected]")).isEmpty();
    }

    @Test
    void rendersTheItemPageAndAnInvalidIdAsAReadablePage() throws Exception {
        Item item = intake.submit(
                        checker, SubmitItem.of("https://youtube.com/watch?v=" + marker, null, Platform.YOUTUBE))
                .item();
        mvc.perform(get("/items/" + item.id()).with(user(checker)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("https://youtube.com/watch?v=" + marker)))
                .andExpect(content().string(containsString("id=\"open-case\"")));
        mvc.perform(get("/items/" + org.factdesk.shared.ItemId.random()).with(user(checker)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void showsOnlyTheEngagementCountsThatAreKnown() throws Exception {
        Item item = intake.submit(
                        checker,
                        new SubmitItem(
                                null,
                                null,
                                null,
                                "Tin đồn " + marker,
                                Platform.FACEBOOK,
                                null,
                                null,
                                new Engagement(1200L, null, 1L, null),
                                null))
                .item();
        String english = mvc.perform(
                        get("/items/" + item.id()).with(user(checker)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(english)
                        .select("#item-engagement span")
                        .eachText())
                .containsExactly("1,200 likes", "1 comment");
        String vietnamese = mvc.perform(
                        get("/items/" + item.id()).with(user(checker)).locale(java.util.Locale.forLanguageTag("vi")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(vietnamese).select("#item-engagement").text())
                .doesNotContain("—")
                .contains("thích")
                .contains("bình luận")
                .doesNotContain("lượt xem");
    }

    @Test
    void dismissesAndRestoresAnItem() throws Exception {
        Item item = intake.submit(checker, SubmitItem.of(null, "Không liên quan " + marker, Platform.OTHER))
                .item();
        mvc.perform(post("/items/" + item.id() + "/dismiss")
                        .param("dismissed", "true")
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(intake.get(item.id()).status()).isEqualTo(ItemStatus.DISMISSED);
        mvc.perform(post("/items/" + item.id() + "/dismiss")
                        .param("dismissed", "false")
                        .with(user(checker))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(intake.get(item.id()).status()).isEqualTo(ItemStatus.NEW);
    }
}
