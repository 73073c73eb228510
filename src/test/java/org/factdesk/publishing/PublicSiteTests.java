package org.factdesk.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseAction;
import org.factdesk.cases.CaseManagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.Language;
import org.factdesk.testing.DeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public site over HTTP, without signing in: pages, filters, feeds, sitemap, share images, markup, caching. */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    PublishingManagement publishing;

    @Autowired
    JsonMapper json;

    PublishingDesk desk;
    PublishingDesk.Team team;

    @BeforeAll
    void setUp() {
        desk = new PublishingDesk(network, intake, cases, publishing);
        team = desk.team();
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "vi"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static List<JsonNode> claimReviews(Document document, JsonMapper json) {
        return document.select("script[type=application/ld+json]").stream()
                .map(script -> json.readTree(script.data()))
                .filter(node -> "ClaimReview".equals(node.path("@type").asString()))
                .toList();
    }

    @Test
    void showsAPublishedFactCheckToAnyoneInItsLanguage() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(team, marker);

        MvcResult result = mvc.perform(
                        get("/fact-checks/" + factCheck.slug()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.ETAG))
                .andExpect(header().exists(HttpHeaders.LAST_MODIFIED))
                .andExpect(header().string(
                                "Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'none'")))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(page.select("html").attr("lang")).isEqualTo("vi");
        assertThat(page.getElementById("fact-check-headline").text()).contains(marker);
        assertThat(page.getElementById("rating-badge").text()).isEqualTo("Sai sự thật");
        assertThat(page.getElementById("rating-badge").attr("data-rating")).isEqualTo("FALSE");
        assertThat(page.getElementById("fact-check-claim").text()).contains(marker);
        assertThat(page.getElementById("fact-check-summary").text()).contains(marker);
        assertThat(page.select("#fact-check-body strong").text()).isEqualTo("không");
        assertThat(page.select("#evidence a").attr("href")).startsWith("https://www.who.int/");
        assertThat(page.select("#appearances a").attr("href")).endsWith(marker);
        assertThat(page.getElementById("publisher").text())
                .isEqualTo(team.unit().name());
        assertThat(page.getElementById("published-at").text()).isNotBlank();
        assertThat(page.getElementById("no-corrections")).isNotNull();
        assertThat(page.getElementById("withdrawn-notice")).isNull();
        assertThat(page.getElementById("preview-banner")).isNull();
        assertThat(page.select("a#nav-tips").attr("href")).isEqualTo("/tips");
        assertThat(page.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/fact-checks/" + factCheck.slug());
        assertThat(page.select("meta[property=og:title]").attr("content")).contains(marker);
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("http://localhost:8080/share/" + factCheck.slug() + ".png");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
    }

    @Test
    void carriesExactlyOneCompleteClaimReview() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.corrected(team, marker);
        Document page = Jsoup.parse(page("/fact-checks/" + factCheck.slug()));

        assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
        List<JsonNode> reviews = claimReviews(page, json);
        assertThat(reviews).hasSize(1);
        JsonNode review = reviews.get(0);
        String canonical = "http://localhost:8080/fact-checks/" + factCheck.slug();
        assertThat(review.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(review.path("url").asString()).isEqualTo(canonical);
        assertThat(review.path("claimReviewed").asString()).contains(marker);
        assertThat(review.path("inLanguage").asString()).isEqualTo("vi");
        assertThat(review.path("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(review.path("dateModified").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(review.path("headline").asString()).contains(marker);
        assertThat(review.path("image").asString()).endsWith("/share/" + factCheck.slug() + ".png");
        JsonNode author = review.path("author");
        assertThat(author.path("@type").asString()).isEqualTo("Organization");
        assertThat(author.path("name").asString()).isEqualTo(team.unit().name());
        assertThat(author.path("url").asString()).startsWith("http://localhost:8080");
        JsonNode rating = review.path("reviewRating");
        assertThat(rating.path("@type").asString()).isEqualTo("Rating");
        assertThat(rating.path("ratingValue").asInt()).isEqualTo(1);
        assertThat(rating.path("bestRating").asInt()).isEqualTo(5);
        assertThat(rating.path("worstRating").asInt()).isEqualTo(1);
        assertThat(rating.path("alternateName").asString()).isEqualTo("Sai sự thật");
        JsonNode claim = review.path("itemReviewed");
        assertThat(claim.path("@type").asString()).isEqualTo("Claim");
        assertThat(claim.path("appearance")).hasSize(1);
        assertThat(claim.path("appearance").get(0).path("@type").asString()).isEqualTo("CreativeWork");
        assertThat(claim.path("appearance").get(0).path("url").asString()).endsWith(marker);
        assertThat(claim.path("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        // Same host as the base URL.
        assertThat(java.net.URI.create(review.path("url").asString()).getHost()).isEqualTo("localhost");
    }

    @Test
    void showsTheCorrectionsHistoryAndEveryUpdate() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.corrected(team, marker);
        Document page = Jsoup.parse(page("/fact-checks/" + factCheck.slug()));
        Element correction = page.selectFirst("#corrections li.correction");
        assertThat(correction).isNotNull();
        assertThat(correction.select(".what").text()).isEqualTo("Bổ sung nguồn của Bộ Y tế " + marker);
        assertThat(correction.select(".why").text()).isEqualTo("Thiếu nguồn chính thức trong nước " + marker);
        assertThat(correction.select("time").attr("datetime")).isNotBlank();
        assertThat(page.select("#updated-at .update-date")).hasSize(1);
        assertThat(page.select("#fact-check-body").text()).contains("Bổ sung.");
    }

    @Test
    void keepsAWithdrawnPageThatSaysWhyAndDropsItFromListings() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.withdrawn(team, marker);
        Document page = Jsoup.parse(page("/fact-checks/" + factCheck.slug()));
        assertThat(page.getElementById("withdrawn-notice")).isNotNull();
        assertThat(page.getElementById("withdrawn-reason").text()).isEqualTo("Nguồn chính bị rút lại " + marker);
        assertThat(page.getElementById("fact-check").attr("data-state")).isEqualTo("WITHDRAWN");
        assertThat(claimReviews(page, json)).isEmpty();

        assertThat(page("/fact-checks?q=" + marker)).doesNotContain(factCheck.slug());
        assertThat(page("/sitemap.xml")).doesNotContain(factCheck.slug());
    }

    @Test
    void answersUnknownAndDraftAddressesWithAReadable404() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck draft = desk.draft(team, marker);
        for (String path : List.of(
                "/fact-checks/" + draft.slug(), "/fact-checks/khong-co-" + marker, "/share/" + draft.slug() + ".png")) {
            String body = mvc.perform(get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            if (!path.endsWith(".png")) {
                Document page = Jsoup.parse(body);
                assertThat(page.getElementById("error-message").text())
                        .isEqualTo("There is no published fact-check at this address.");
                assertThat(body).doesNotContain("Exception").doesNotContain(marker);
            }
        }
    }

    @Test
    void conditionalGetOfAnUnchangedPageIs304() throws Exception {
        FactCheck factCheck = desk.published(team, PublishingDesk.marker());
        MvcResult first = mvc.perform(get("/fact-checks/" + factCheck.slug())).andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        mvc.perform(get("/fact-checks/" + factCheck.slug()).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/fact-checks/" + factCheck.slug()).header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .andExpect(status().isNotModified());

        MvcResult list =
                mvc.perform(get("/fact-checks")).andExpect(status().isOk()).andReturn();
        mvc.perform(get("/fact-checks")
                        .header(HttpHeaders.IF_NONE_MATCH, list.getResponse().getHeader(HttpHeaders.ETAG)))
                .andExpect(status().isNotModified());
        MvcResult feed =
                mvc.perform(get("/feeds/rss.xml")).andExpect(status().isOk()).andReturn();
        mvc.perform(get("/feeds/rss.xml")
                        .header(HttpHeaders.IF_NONE_MATCH, feed.getResponse().getHeader(HttpHeaders.ETAG)))
                .andExpect(status().isNotModified());
    }

    @Test
    void listsFiltersAndFindsFactChecksWithoutDiacritics() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(team, marker);

        Document all = Jsoup.parse(page("/fact-checks"));
        assertThat(all.getElementById("fact-check-list")).isNotNull();
        assertThat(all.getElementById("search-form")).isNotNull();

        // "nuoc chanh nong" without diacritics, and the marker: only this one.
        Document found = Jsoup.parse(page("/fact-checks?q=nuoc+chanh+nong+" + marker));
        assertThat(found.select("#fact-check-list li.fact-check-entry"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.attr("data-slug")).isEqualTo(factCheck.slug()));
        assertThat(page("/fact-checks?q=NƯỚC+CHANH+" + marker)).contains(factCheck.slug());
        assertThat(page("/fact-checks?q=" + marker + "&rating=FALSE&language=vi&topic=t" + marker))
                .contains(factCheck.slug());
        assertThat(page("/fact-checks?q=" + marker + "&rating=TRUE")).doesNotContain(factCheck.slug());
        assertThat(page("/fact-checks?q=" + marker + "&language=en")).doesNotContain(factCheck.slug());
        assertThat(page("/fact-checks?q=" + marker + "&from=2000-01-01&to=2999-12-31"))
                .contains(factCheck.slug());
        assertThat(page("/fact-checks?q=" + marker + "&to=2000-01-01")).doesNotContain(factCheck.slug());
        assertThat(Jsoup.parse(page("/fact-checks?q=" + marker + "&rating=TRUE"))
                        .getElementById("no-results"))
                .isNotNull();
    }

    @Test
    void searchUsesTheMatchingAnalysisSoTeencodeFindsTheFactCheck() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(team, marker);
        // "nc" and "dc" are teencode for "nước" and "được": no word search finds them in the fact-check's text.
        String path = "/fact-checks?q=uong+nc+chanh+nong+diet+dc+virus+corona+" + marker;

        long deadline = System.currentTimeMillis() + 20_000;
        String found = page(path);
        while (!found.contains(factCheck.slug()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the claim index follows the case's events asynchronously
            found = page(path);
        }

        assertThat(found).contains(factCheck.slug());
        assertThat(page(path + "&rating=TRUE")).doesNotContain(factCheck.slug());
    }

    @Test
    void refusesBadFiltersWithA400Page() throws Exception {
        for (String query : List.of(
                "rating=BOGUS",
                "language=fr",
                "from=31-12-2024",
                "to=yesterday",
                "page=-1",
                "page=abc",
                "topic=%3Cscript%3E")) {
            String body = mvc.perform(get("/fact-checks?" + query).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(body).getElementById("error-message").text())
                    .as(query)
                    .isNotBlank()
                    .doesNotContain("publishing.error");
            assertThat(body).doesNotContain("<script>");
        }
    }

    @Test
    void hasAPagePerTopic() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(team, marker);
        Document topic = Jsoup.parse(page("/topics/t" + marker));
        assertThat(topic.select("#fact-check-list li")).hasSize(1);
        assertThat(topic.getElementById("listing-title").text()).contains("t" + marker);
        assertThat(topic.text()).contains(factCheck.article().headline());
        mvc.perform(get("/topics/khong-co-" + marker)).andExpect(status().isNotFound());
    }

    @Test
    void publishesRssAndAtomFeedsOfAllAndPerTopic() throws Exception {
        String marker = PublishingDesk.marker();
        FactCheck factCheck = desk.published(team, marker);
        String url = "http://localhost:8080/fact-checks/" + factCheck.slug();
        for (String path : List.of(
                "/feeds/rss.xml",
                "/feeds/atom.xml",
                "/feeds/topics/t" + marker + "/rss.xml",
                "/feeds/topics/t" + marker + "/atom.xml")) {
            String xml = page(path);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
            assertThat(feed.getFeedType()).startsWith(path.endsWith("rss.xml") ? "rss_2.0" : "atom_1.0");
            assertThat(feed.getEntries()).anySatisfy(entry -> {
                assertThat(entry.getLink()).isEqualTo(url);
                assertThat(entry.getTitle()).contains(marker);
            });
        }
        SyndFeed topic = new SyndFeedInput().build(new StringReader(page("/feeds/topics/t" + marker + "/rss.xml")));
        assertThat(topic.getEntries()).hasSize(1);
    }

    @Test
    void listsEveryPublishedPageInTheSitemap() throws Exception {
        FactCheck first = desk.published(team, PublishingDesk.marker());
        FactCheck second = desk.corrected(team, PublishingDesk.marker());
        FactCheck draft = desk.draft(team, PublishingDesk.marker());
        Document sitemap = Jsoup.parse(page("/sitemap.xml"), "", org.jsoup.parser.Parser.xmlParser());
        List<String> locations = sitemap.select("url > loc").eachText();
        assertThat(locations)
                .contains(
                        "http://localhost:8080/fact-checks/" + first.slug(),
                        "http://localhost:8080/fact-checks/" + second.slug())
                .doesNotContain("http://localhost:8080/fact-checks/" + draft.slug());
        assertThat(locations).hasSize(publishing.allPublished().size());
    }

    @Test
    void drawsAShareImageWithTheBadgeAndClaim() throws Exception {
        FactCheck factCheck = desk.published(team, PublishingDesk.marker());
        byte[] png = mvc.perform(get("/share/" + factCheck.slug() + ".png"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(png.length).isGreaterThan(10_000);
        // The badge is drawn in the rating's colour (red for FALSE) near the top left.
        int badge = image.getRGB(90, 80) & 0xFFFFFF;
        assertThat(badge).isEqualTo(0xB42318);
    }

    @Test
    void neverLetsAScriptThroughTheBody() throws Exception {
        String marker = PublishingDesk.marker();
        Case kase = desk.approvedCase(team, marker);
        FactCheck draft = publishing.draft(
                team.checker(),
                kase.id(),
                Language.VI,
                new Article(
                        "Tiêu đề " + marker,
                        "Thông tin " + marker,
                        "Tóm tắt <script>alert(1)</script>",
                        "Đoạn văn <script>alert('x')</script> và <img src=x onerror=alert(2)>\n\n"
                                + "[bấm](javascript:alert(3)) <iframe src=https://evil.example></iframe>\n\n"
                                + "<a href=\"https://ok.example\" onclick=\"alert(4)\">ok</a>"),
                null);
        publishing.publish(team.editor(), draft.id());
        String html = page("/fact-checks/" + draft.slug());
        Document page = Jsoup.parse(html);
        assertThat(page.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("javascript:")
                .doesNotContain("<iframe");
        Element body = page.getElementById("fact-check-body");
        assertThat(body.select("script, iframe, img, style")).isEmpty();
        assertThat(body.getAllElements())
                .allSatisfy(element -> element.attributes()
                        .forEach(attribute -> assertThat(attribute.getKey()).doesNotStartWith("on")));
        assertThat(body.text()).contains("<script>alert('x')</script>");
        assertThat(page.getElementById("fact-check-summary").text()).isEqualTo("Tóm tắt <script>alert(1)</script>");
        // The JSON-LD cannot be closed early by the claim or summary.
        assertThat(page.select("script[type=application/ld+json]").first().data())
                .doesNotContain("<");
    }

    @Test
    void previewIsForTheDeskOnlyAndMarkedAsSuch() throws Exception {
        FactCheck draft = desk.draft(team, PublishingDesk.marker());
        String path = "/publishing/fact-checks/" + draft.id() + "/preview";
        mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        String html = mvc.perform(get(path).with(user(team.editor())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("preview-banner")).isNotNull();
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(claimReviews(page, json)).hasSize(1);
    }

    @Test
    void publicPathsRefuseWrites() throws Exception {
        mvc.perform(post("/fact-checks")).andExpect(status().isForbidden());
    }

    @Test
    void deskDraftsPublishesAndRecordsInTheCaseHistory() throws Exception {
        String marker = PublishingDesk.marker();
        Case kase = desk.approvedCase(team, marker);
        String caseLink = mvc.perform(get("/cases/" + kase.id()).with(user(team.checker())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(caseLink).getElementById("fact-check-link").attr("href"))
                .isEqualTo("/publishing/cases/" + kase.id());

        Document form =
                Jsoup.parse(mvc.perform(get("/publishing/cases/" + kase.id()).with(user(team.checker())))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(form.getElementById("draft-headline").val()).contains(marker);
        assertThat(form.getElementById("draft-body").text()).contains("https://www.who.int/");

        MvcResult drafted = mvc.perform(post("/publishing/cases/" + kase.id())
                        .with(user(team.checker()))
                        .with(csrf())
                        .param("language", "vi")
                        .param("headline", "Tin sai " + marker)
                        .param("claim", form.getElementById("draft-claim").text())
                        .param("summary", "Tóm tắt " + marker)
                        .param("body", "Nội dung " + marker)
                        .param("slug", "tin-sai-" + marker))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String deskPath = drafted.getResponse().getRedirectedUrl();
        FactCheckId id = FactCheckId.valueOf(deskPath.substring("/publishing/fact-checks/".length()));

        // The writer cannot publish their own draft; the page says so.
        String refused = mvc.perform(
                        post(deskPath + "/publish").with(user(team.editor())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(refused).isEqualTo(deskPath);
        mvc.perform(post("/publishing/fact-checks/" + id + "/publish")
                        .with(user(team.checker()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(
                                Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                                        .getElementById("publishing-refusal"))
                        .isNotNull());
        assertThat(publishing.get(team.editor(), id).state()).isEqualTo(FactCheckState.PUBLISHED);
        assertThat(cases.get(team.checker(), kase.id()).history()).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(CaseAction.PUBLISH_FACT_CHECK);
            assertThat(entry.actor()).isEqualTo(team.editor().id());
            assertThat(entry.detail()).isEqualTo("Tin sai " + marker);
        });
        Document casePage = Jsoup.parse(mvc.perform(get("/cases/" + kase.id()).with(user(team.checker())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(casePage.select("#history li[data-action=PUBLISH_FACT_CHECK]")
                        .text())
                .contains(marker);
        mvc.perform(get("/fact-checks/tin-sai-" + marker)).andExpect(status().isOk());
    }

    @Test
    void deskRefusesToDraftFromACaseThatIsNotApproved() throws Exception {
        Case kase = desk.inReview(team, PublishingDesk.marker());
        String html = mvc.perform(get("/publishing/cases/" + kase.id())
                        .with(user(team.checker()))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Only a case whose verdict was approved (published) can get a public fact-check.");
    }

    @Test
    void apiRefusesAnUnapprovedCaseWithAProblem() throws Exception {
        Case kase = desk.inReview(team, PublishingDesk.marker());
        String token = desk.accounts().token(team.checker());
        mvc.perform(post("/api/v1/fact-checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType("application/json")
                        .content("{\"caseId\": \"" + kase.id() + "\", \"language\": \"vi\"}"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
                        .value("publishing.error.case-not-approved"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value("Only a case whose verdict was approved (published) can get a public fact-check."));
        assertThat(publishing.ofCase(team.checker(), kase.id())).isEmpty();
    }

    @Test
    void apiDraftsPublishesCorrectsAndWithdrawsUnderFourEyes() throws Exception {
        String marker = PublishingDesk.marker();
        Case kase = desk.approvedCase(team, marker);
        String checker = desk.accounts().token(team.checker());
        String editor = desk.accounts().token(team.editor());
        String editor2 = desk.accounts().token(team.editor2());
        String created = mvc.perform(post("/api/v1/fact-checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + checker)
                        .contentType("application/json")
                        .content("{\"caseId\": \"" + kase.id() + "\", \"language\": \"en\", \"headline\": \"Hot lemon "
                                + marker + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode draft = json.readTree(created);
        assertThat(draft.path("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("language").asString()).isEqualTo("en");
        String path = "/api/v1/fact-checks/" + draft.path("id").asString();
        mvc.perform(post(path + "/publish").header(HttpHeaders.AUTHORIZATION, "Bearer " + checker))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/publish").header(HttpHeaders.AUTHORIZATION, "Bearer " + editor))
                .andExpect(status().isOk());
        mvc.perform(post(path + "/withdrawal")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + editor)
                        .contentType("application/json")
                        .content("{\"reason\": \"Wrong source " + marker + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(path + "/proposal/approve").header(HttpHeaders.AUTHORIZATION, "Bearer " + editor))
                .andExpect(status().isConflict())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
                        .value("publishing.error.four-eyes"));
        mvc.perform(post(path + "/proposal/approve").header(HttpHeaders.AUTHORIZATION, "Bearer " + editor2))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state")
                        .value("WITHDRAWN"));
        Document page = Jsoup.parse(page("/fact-checks/" + draft.path("slug").asString()));
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.getElementById("withdrawn-notice").text()).contains("Wrong source " + marker);
        assertThat(cases.get(team.checker(), kase.id()).history())
                .extracting(entry -> entry.action())
                .contains(CaseAction.PUBLISH_FACT_CHECK, CaseAction.WITHDRAW_FACT_CHECK);
    }
}
