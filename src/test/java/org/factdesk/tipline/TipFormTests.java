package org.factdesk.tipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.factdesk.cases.CaseManagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.publishing.FactCheckPublished;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

/** The public tip form, without signing in: answers, refusals, limits. */
@DeskTest
class TipFormTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    TiplineService tipline;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    TiplineDesk desk;
    String marker;
    String address;

    @BeforeEach
    void setUp() {
        desk = new TiplineDesk(network, intake, cases, matching, tipline, events, transactions);
        marker = TiplineDesk.marker();
        int n = ADDRESSES.incrementAndGet();
        address = "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    @Test
    void showsTheFormWithoutSigningIn() throws Exception {
        mvc.perform(get("/tips").param("lang", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"tip-form\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Gửi tin đồn để chúng tôi kiểm chứng")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    }

    @Test
    void answersAtOnceWithAMatchingPublishedFactCheck() throws Exception {
        FactCheckPublished published = desk.published(
                "Uống nước chanh nóng " + marker + " diệt được virus corona",
                "Nước chanh nóng " + marker + " không diệt được virus corona",
                "uong nuoc chanh nong " + marker);

        MvcResult sent = mvc.perform(tip(
                                "uong nuoc chanh nong " + marker + " la diet dc virus corona do mn",
                                "https://www.facebook.com/share/p/" + marker)
                        .param("contact", "reader-" + marker + "@example.org"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tips/result"))
                .andReturn();
        TipOutcome outcome = (TipOutcome) sent.getFlashMap().get("outcome");
        assertThat(outcome.answers()).extracting(PublicFactCheck::caseId).contains(published.caseId());

        mvc.perform(get("/tips/result")
                        .flashAttrs(Map.copyOf(sent.getFlashMap()))
                        .param("lang", "vi"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(outcome.reference())))
                .andExpect(content().string(containsString(published.headline())))
                .andExpect(content().string(containsString(published.url())))
                .andExpect(content().string(containsString("Sai sự thật")));

        // The contact stays with the tip, encrypted; the item, which the whole desk reads, never carries it.
        Item item = intake.get(outcome.item());
        assertThat(item.tipChannel()).isEqualTo("web");
        assertThat(item.url()).isEqualTo("https://www.facebook.com/share/p/" + marker);
        assertThat(jdbc.sql("select * from intake_item where id = :id")
                        .param("id", item.id().value())
                        .query()
                        .singleRow()
                        .values()
                        .toString())
                .doesNotContain("reader-" + marker);
        String contact = jdbc.sql("select contact from tipline_tip where reference = :r")
                .param("r", outcome.reference())
                .query(String.class)
                .single();
        assertThat(contact).startsWith("v1:").doesNotContain(marker);
    }

    @Test
    void thanksWithAReferenceWhenNothingMatches() throws Exception {
        MvcResult sent = mvc.perform(tip("A brand new rumour " + marker + " about solar storms erasing phones", null))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        TipOutcome outcome = (TipOutcome) sent.getFlashMap().get("outcome");
        assertThat(outcome.answered()).isFalse();
        mvc.perform(get("/tips/result")
                        .flashAttrs(Map.copyOf(sent.getFlashMap()))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(outcome.reference())))
                .andExpect(content().string(containsString("no published fact-check on this yet")));
        assertThat(tipline.find(outcome.reference())).isPresent();
    }

    @Test
    void theResultPageWithoutATipGoesBackToTheForm() throws Exception {
        mvc.perform(get("/tips/result")).andExpect(redirectedUrl("/tips"));
    }

    @Test
    void refusesATipThatFilledTheHoneypot() throws Exception {
        mvc.perform(tip("Bot rumour " + marker, null).param("website", "http://spam.example"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"tip-refused\"")));
        assertThat(itemsWithMarker()).isZero();
    }

    @Test
    void refusesABurstFromOneAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(tip("Burst " + i + " " + marker + " rumour about tap water", null))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(tip("Burst 6 " + marker + " rumour about tap water", null).param("lang", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("many tips in a short time")));
        assertThat(itemsWithMarker()).isEqualTo(5);

        // Another address is not affected.
        address = address.replace("10.77.", "10.78.");
        mvc.perform(tip("Other address " + marker + " rumour", null)).andExpect(status().is3xxRedirection());
    }

    @Test
    void refusesAWhitespaceOnlyTip() throws Exception {
        mvc.perform(tip("   \n\t  ", "  ").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"tip-error\"")))
                .andExpect(content().string(containsString("a tip with only spaces cannot be checked")));
    }

    @Test
    void refusesAMegabyteOfTextBeforeReadingIt() throws Exception {
        String body = "text=" + marker + "a".repeat(1024 * 1024) + "&link=";
        mvc.perform(post("/tips")
                        .with(from(address))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(body))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/tips/too-large"));
        assertThat(itemsWithMarker()).isZero();
        mvc.perform(get("/tips/too-large").param("lang", "en"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("far too long")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void refusesATextOverTheLimitWithTheLimit() throws Exception {
        mvc.perform(tip(marker + " " + "b".repeat(6000), null).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("the limit is 5000")));
        assertThat(itemsWithMarker()).isZero();
    }

    @Test
    void refusesATipWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/tips").with(from(address)).param("text", "No token " + marker))
                .andExpect(status().isForbidden());
        assertThat(itemsWithMarker()).isZero();
    }

    private MockHttpServletRequestBuilder tip(String text, String link) {
        MockHttpServletRequestBuilder request =
                post("/tips").with(csrf()).with(from(address)).param("text", text);
        if (link != null) {
            request.param("link", link);
        }
        return request;
    }

    private RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long itemsWithMarker() {
        return jdbc.sql("select count(*) from intake_item where text like :m")
                .param("m", "%" + marker + "%")
                .query(Long.class)
                .single();
    }
}
