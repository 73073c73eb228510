package org.factdesk.publishing.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.ExternalFactCheck;
import org.factdesk.publishing.ExternalFactCheckImported;
import org.factdesk.publishing.ImportReport;
import org.factdesk.publishing.ImportReport.Format;
import org.factdesk.publishing.ImportReport.Refusal;
import org.factdesk.publishing.PublishingExceptions.InvalidImport;
import org.factdesk.shared.Language;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.json.JsonMapper;

/** ClaimReview import on the real database: container shapes, idempotency, refusals with positions, URL lists. */
@DeskTest
@RecordApplicationEvents
class ClaimReviewImportTests {

    @Autowired
    ClaimReviewImporter importer;

    @Autowired
    ExternalFactChecks store;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    static String url(String marker) {
        return "https://factcheck.example.org/" + marker;
    }

    static String review(String url, String claim, String ratingText) {
        return """
                {"@context": "https://schema.org", "@type": "ClaimReview", "url": "%s",
                 "claimReviewed": "%s", "datePublished": "2021-05-14",
                 "author": {"@type": "Organization", "name": "Reuters Fact Check", "url": "https://www.reuters.com/fact-check"},
                 "reviewRating": {"@type": "Rating", "alternateName": "%s", "ratingValue": 1, "bestRating": 5, "worstRating": 1},
                 "itemReviewed": {"@type": "Claim", "datePublished": "2021-05-10",
                   "appearance": [{"@type": "CreativeWork", "url": "https://www.instagram.com/p/COmAgN3tK1q/"}]}}
                """.formatted(url, claim, ratingText).replace("\n", " ");
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void importsASingleDocumentWithEveryField() {
        String marker = marker();
        ImportReport report =
                importer.importText(review(url(marker) + "#top", "Vaccines make arms magnetic " + marker, "False"));

        assertThat(report.format()).isEqualTo(Format.DOCUMENT);
        assertThat(report.imported()).isEqualTo(1);
        ExternalFactCheck stored = store.findByUrl(url(marker)).orElseThrow();
        assertThat(stored.organisation()).isEqualTo("Reuters Fact Check");
        assertThat(stored.organisationUrl()).isEqualTo("https://www.reuters.com/fact-check");
        assertThat(stored.rating()).isEqualTo(Rating.FALSE);
        assertThat(stored.ratingText()).isEqualTo("False");
        assertThat(stored.ratingValue()).isEqualTo(1.0);
        assertThat(stored.bestRating()).isEqualTo(5.0);
        assertThat(stored.worstRating()).isEqualTo(1.0);
        assertThat(stored.language()).isEqualTo(Language.EN);
        assertThat(stored.publishedAt()).isEqualTo(Instant.parse("2021-05-14T00:00:00Z"));
        assertThat(stored.firstAppearedAt()).isEqualTo(Instant.parse("2021-05-10T00:00:00Z"));
        assertThat(stored.appearances()).containsExactly("https://www.instagram.com/p/COmAgN3tK1q/");
        assertThat(events.stream(ExternalFactCheckImported.class)).anySatisfy(event -> {
            assertThat(event.id()).isEqualTo(stored.id());
            assertThat(event.url()).isEqualTo(url(marker));
            assertThat(event.rating()).isEqualTo(Rating.FALSE);
            assertThat(event.update()).isFalse();
        });
    }

    @Test
    void readsArraysGraphsAndJsonLines() {
        String a = marker();
        String b = marker();
        String c = marker();
        String array =
                "[" + review(url(a), "Claim " + a, "Sai") + ", " + review(url(b), "Claim " + b, "Misleading") + "]";
        assertThat(importer.importText(array)).satisfies(report -> {
            assertThat(report.format()).isEqualTo(Format.ARRAY);
            assertThat(report.imported()).isEqualTo(2);
        });
        assertThat(store.findByUrl(url(a)).orElseThrow().rating()).isEqualTo(Rating.FALSE);
        assertThat(store.findByUrl(url(b)).orElseThrow().rating()).isEqualTo(Rating.MISLEADING);

        String graph = """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "name": "A page"},
                  %s
                ]}""".formatted(review(url(c), "Uống nước chanh nóng diệt virus " + c, "Sai sự thật")
                .replace("\"datePublished\": \"2021-05-14\",", ""));
        ImportReport graphReport = importer.importText(graph);
        assertThat(graphReport.imported()).isEqualTo(1);
        ExternalFactCheck fromGraph = store.findByUrl(url(c)).orElseThrow();
        assertThat(fromGraph.language()).isEqualTo(Language.VI);
        assertThat(fromGraph.publishedAt()).isNull();

        String d = marker();
        String e = marker();
        String lines =
                review(url(d), "Claim " + d, "Châm biếm") + "\n\n" + review(url(e), "Claim " + e, "Half true") + "\n";
        ImportReport jsonl = importer.importText(lines);
        assertThat(jsonl.format()).isEqualTo(Format.JSONL);
        assertThat(jsonl.imported()).isEqualTo(2);
        assertThat(store.findByUrl(url(d)).orElseThrow().rating()).isEqualTo(Rating.SATIRE);
        assertThat(store.findByUrl(url(e)).orElseThrow().rating()).isEqualTo(Rating.PARTLY_FALSE);
    }

    @Test
    void isIdempotentByUrlAndUpdatesAChangedRating() {
        String a = marker();
        String b = marker();
        String dump = review(url(a), "Claim " + a, "False") + "\n" + review(url(b), "Claim " + b, "Misleading");
        assertThat(importer.importText(dump).imported()).isEqualTo(2);
        long before = events.stream(ExternalFactCheckImported.class).count();

        ImportReport again = importer.importText(dump);
        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(events.stream(ExternalFactCheckImported.class).count()).isEqualTo(before);

        var id = store.findByUrl(url(a)).orElseThrow().id();
        String changed = review(url(a) + "?utm_source=newsletter", "Claim " + a, "Missing context") + "\n"
                + review(url(b), "Claim " + b, "Misleading");
        ImportReport third = importer.importText(changed);
        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(1);
        ExternalFactCheck updated = store.findByUrl(url(a)).orElseThrow();
        assertThat(updated.id()).isEqualTo(id);
        assertThat(updated.rating()).isEqualTo(Rating.MISSING_CONTEXT);
        assertThat(updated.ratingText()).isEqualTo("Missing context");
        assertThat(store.all())
                .filteredOn(external -> external.url().equals(url(a)))
                .hasSize(1);
        assertThat(events.stream(ExternalFactCheckImported.class))
                .anySatisfy(event ->
                        assertThat(event.id().equals(id) && event.update()).isTrue());
    }

    @Test
    void keepsTheGoodRecordsAndRefusesTheBadOnesWithTheirLineNumbers() {
        String good1 = marker();
        String good2 = marker();
        String missing = marker();
        String dump = String.join(
                "\n",
                review(url(good1), "Claim " + good1, "False"),
                "{\"@type\": \"ClaimReview\", \"url\": \"" + url(missing) + "\", \"claimReviewed\": ",
                "{\"@type\": \"ClaimReview\", \"url\": \"" + url(missing)
                        + "\", \"reviewRating\": {\"alternateName\": \"False\"}}",
                review(url(marker()), "Claim", "Four Pinocchios")
                        .replace(", \"ratingValue\": 1, \"bestRating\": 5, \"worstRating\": 1", ""),
                "{\"@type\": \"WebPage\"}",
                review("ftp://files.example.org/x", "Claim", "False"),
                review(url(good2), "Claim " + good2, "Đúng"));

        ImportReport report = importer.importText(dump);

        assertThat(report.format()).isEqualTo(Format.JSONL);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.refused())
                .extracting(Refusal::position, Refusal::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2", "publishing.import.refused.unreadable-json"),
                        org.assertj.core.groups.Tuple.tuple("3", "publishing.import.refused.missing-field"),
                        org.assertj.core.groups.Tuple.tuple("4", "publishing.import.refused.unknown-rating"),
                        org.assertj.core.groups.Tuple.tuple("5", "publishing.import.refused.not-claimreview"),
                        org.assertj.core.groups.Tuple.tuple("6", "publishing.import.refused.bad-url"));
        assertThat(report.refused().get(1).arguments()).containsExactly("claimReviewed, author");
        assertThat(report.refused().get(2).arguments()).containsExactly("Four Pinocchios");
        assertThat(report.positionLabel(report.refused().get(0))).isEqualTo("line 2");
        assertThat(store.findByUrl(url(good1))).isPresent();
        assertThat(store.findByUrl(url(good2)).orElseThrow().rating()).isEqualTo(Rating.TRUE);
        assertThat(store.findByUrl(url(missing))).isEmpty();
    }

    @Test
    void namesTheMissingFieldOfASingleDocumentAndTheIndexInAnArray() {
        String marker = marker();
        ImportReport single = importer.importText(
                "{\"@type\": \"ClaimReview\", \"claimReviewed\": \"x\", \"author\": {\"name\": \"AFP\"},"
                        + " \"reviewRating\": {\"alternateName\": \"False\"}}");
        assertThat(single.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.position()).isEqualTo("$");
            assertThat(refusal.code()).isEqualTo("publishing.import.refused.missing-field");
            assertThat(refusal.arguments()).containsExactly("url");
        });

        ImportReport array = importer.importText("[" + review(url(marker), "Claim " + marker, "False")
                + ", {\"@type\": \"ClaimReview\", \"url\": \"" + url(marker()) + "\", \"claimReviewed\": \"c\","
                + " \"author\": \"Full Fact\"}]");
        assertThat(array.imported()).isEqualTo(1);
        assertThat(array.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.position()).isEqualTo("[1]");
            assertThat(refusal.arguments()).containsExactly("reviewRating");
        });
    }

    @Test
    void refusesADateItCannotReadInsteadOfDroppingIt() {
        String bad = marker();
        String text = review(url(bad), "Claim " + bad, "False")
                .replace("\"datePublished\": \"2021-05-14\"", "\"datePublished\": \"yesterday\"");
        ImportReport report = importer.importText(text);
        assertThat(report.imported()).isZero();
        assertThat(report.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("publishing.import.refused.bad-date");
            assertThat(refusal.arguments()).containsExactly("datePublished", "yesterday");
        });
        // Dates it can read in their usual forms are kept.
        String good = marker();
        assertThat(importer.importText(review(url(good), "Claim " + good, "False")
                                .replace("\"2021-05-14\"", "\"2021-05-14T09:30:00+0700\""))
                        .imported())
                .isEqualTo(1);
    }

    @Test
    void refusesAnUnknownRatingTextWithoutNumbersButMapsItWithThem() {
        String refused = marker();
        String mapped = marker();
        String without = review(url(refused), "Claim " + refused, "Three Pinocchios")
                .replace(", \"ratingValue\": 1, \"bestRating\": 5, \"worstRating\": 1", "");
        assertThat(importer.importText(without).refused())
                .singleElement()
                .extracting(Refusal::code)
                .isEqualTo("publishing.import.refused.unknown-rating");
        assertThat(store.findByUrl(url(refused))).isEmpty();

        String with = review(url(mapped), "Claim " + mapped, "Three Pinocchios")
                .replace("\"ratingValue\": 1", "\"ratingValue\": \"2\"");
        assertThat(importer.importText(with).imported()).isEqualTo(1);
        ExternalFactCheck stored = store.findByUrl(url(mapped)).orElseThrow();
        assertThat(stored.rating()).isEqualTo(Rating.PARTLY_FALSE);
        assertThat(stored.ratingText()).isEqualTo("Three Pinocchios");
    }

    @Test
    void refusesAnOversizedEmptyOrUnreadableInputAsAWhole() {
        ClaimReviewImporter small = new ClaimReviewImporter(
                store,
                new ClaimReviewPages(ImportSettings.defaults(false)),
                json,
                new ImportSettings(
                        org.springframework.util.unit.DataSize.ofKilobytes(1),
                        10,
                        org.springframework.util.unit.DataSize.ofKilobytes(1),
                        java.time.Duration.ofSeconds(2),
                        false,
                        "test"),
                clock);
        String big = "[" + review(url(marker()), "x".repeat(2000), "False") + "]";
        assertThatThrownBy(() -> small.importText(big)).isInstanceOfSatisfying(InvalidImport.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(refused.messageKey()).isEqualTo("publishing.import.error.too-large");
        });
        assertThatThrownBy(() -> importer.importText("  \n "))
                .isInstanceOfSatisfying(
                        InvalidImport.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("publishing.import.error.empty"));
        assertThatThrownBy(() -> importer.importText("{\"@type\": \"ClaimReview\",\n \"url\": }"))
                .isInstanceOfSatisfying(InvalidImport.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("publishing.import.refused.unreadable-json");
                    assertThat(refused.arguments()).startsWith("2");
                });
        String tooLong = marker();
        assertThat(importer.importText(review(url(tooLong), "y".repeat(ClaimReviews.MAX_CLAIM + 1), "False"))
                        .refused())
                .singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.code()).isEqualTo("publishing.import.refused.too-long");
                    assertThat(refusal.arguments()).containsExactly("claimReviewed", "2000");
                });
    }

    @Test
    void importsTheClaimReviewsOfTheListedPagesFromALoopbackServerWhenAllowed() throws IOException {
        String first = marker();
        String second = marker();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        page(server, "/one", """
                <!doctype html><html><head><meta charset="utf-8">
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization", "name": "AFP"}</script>
                <script type="application/ld+json">%s</script></head><body>Fact check</body></html>
                """.formatted(review(base + "/one", "Tiêm vaccine gây vô sinh " + first, "Sai")));
        // A page whose markup names no url: the page address stands for it.
        page(server, "/two", """
                <html><head><script type="application/ld+json">{"@graph": [%s]}</script></head></html>
                """.formatted(
                        review("", "Claim " + second, "Gây hiểu lầm").replace("\"url\": \"\",", "")));
        page(server, "/none", "<html><head><title>No markup</title></head></html>");
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/one");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.start();
        try {
            ClaimReviewImporter allowing = new ClaimReviewImporter(
                    store,
                    new ClaimReviewPages(ImportSettings.defaults(true)),
                    json,
                    ImportSettings.defaults(true),
                    clock);
            String list = String.join(
                    "\n",
                    "# fact-checks to import",
                    base + "/one",
                    base + "/two",
                    base + "/none",
                    base + "/missing",
                    "file:///etc/passwd",
                    "",
                    base + "/moved");
            ImportReport report = allowing.importUrls(list);

            assertThat(report.format()).isEqualTo(Format.URLS);
            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.unchanged()).isEqualTo(1);
            assertThat(report.refused())
                    .extracting(Refusal::position, Refusal::code)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    base + "/none", "publishing.import.refused.no-claimreview"),
                            org.assertj.core.groups.Tuple.tuple(
                                    base + "/missing", "publishing.import.refused.fetch-failed"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "file:///etc/passwd", "publishing.import.refused.bad-url"));
            assertThat(store.findByUrl(base + "/one").orElseThrow().language()).isEqualTo(Language.VI);
            assertThat(store.findByUrl(base + "/two").orElseThrow().rating()).isEqualTo(Rating.MISLEADING);

            // The importer of the application keeps the default: no loopback or private pages.
            ImportReport refused = importer.importUrls(base + "/one\nhttp://10.1.2.3/page\nhttp://localhost:1/x");
            assertThat(refused.refused())
                    .extracting(Refusal::code)
                    .containsOnly("publishing.import.refused.private-address");
            assertThat(refused.refused()).hasSize(3);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void knowsPrivateAndPublicAddresses() throws IOException {
        for (String address : List.of(
                "127.0.0.1",
                "10.0.0.1",
                "172.16.5.4",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fd00::1",
                "fe80::1",
                "224.0.0.1")) {
            assertThat(ClaimReviewPages.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
        for (String address : List.of("8.8.8.8", "203.113.1.1", "2001:4860:4860::8888")) {
            assertThat(ClaimReviewPages.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
    }

    private static void page(HttpServer server, String path, String html) {
        server.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
