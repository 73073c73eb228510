package org.factdesk.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.factdesk.archive.PageMetadata;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Metadata read from real-world-shaped pages (fixtures under src/test/resources/archive). */
class MetadataExtractorTests {

    private final MetadataExtractor extractor = new MetadataExtractor(5000);

    /** One fixture and what must be read from it; null means "must be absent". */
    record Expected(
            String fixture,
            String finalUrl,
            @Nullable String charset,
            Platform platform,
            @Nullable String title,
            @Nullable String descriptionStart,
            @Nullable String siteName,
            @Nullable String author,
            @Nullable Instant published,
            @Nullable String textContains,
            @Nullable String canonical) {}

    static Stream<Expected> pages() {
        return Stream.of(
                new Expected(
                        "facebook-post.html",
                        "https://m.facebook.com/groups/suckhoegiadinh/posts/1234567890123456/",
                        "utf-8",
                        Platform.FACEBOOK,
                        "Sức Khỏe Gia Đình Việt | Uống nước chanh nóng mỗi sáng để diệt virus corona",
                        "Chia sẻ gấp: uống một cốc nước chanh nóng",
                        "Facebook",
                        null,
                        null,
                        "Bác sĩ bệnh viện lớn xác nhận",
                        "https://www.facebook.com/groups/suckhoegiadinh/posts/1234567890123456/"),
                new Expected(
                        "youtube-watch.html",
                        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                        "utf-8",
                        Platform.YOUTUBE,
                        "Sự thật về tỏi và COVID-19",
                        "Ăn tỏi có phòng được COVID-19 không? Video này",
                        "YouTube",
                        "Kênh Sức Khỏe Cộng Đồng",
                        Instant.parse("2024-03-05T09:00:07Z"),
                        null,
                        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                new Expected(
                        "vnexpress-article.html",
                        "https://vnexpress.net/bo-y-te-khong-co-bang-chung-nuoc-chanh-nong-diet-virus-4745678.html",
                        null,
                        Platform.WEBSITE,
                        "Bộ Y tế: Không có bằng chứng nước chanh nóng diệt virus",
                        "Thông tin uống nước chanh nóng diệt được virus corona",
                        "VnExpress",
                        "Lê Nga",
                        Instant.parse("2024-05-10T02:00:00Z"),
                        "chưa có nghiên cứu khoa học nào chứng minh điều này",
                        "https://vnexpress.net/bo-y-te-khong-co-bang-chung-nuoc-chanh-nong-diet-virus-4745678.html"),
                new Expected(
                        "plain-page.html",
                        "http://xa-dong.example.vn/thong-bao/12",
                        null,
                        Platform.WEBSITE,
                        "Thông báo của UBND xã về lịch cắt điện",
                        null,
                        null,
                        null,
                        null,
                        "Lịch cắt điện ngày 12/6: từ 7 giờ đến 11 giờ tại thôn Đông.\nBà con chủ động",
                        null),
                new Expected(
                        "latin1-page.html",
                        "https://example.fr/cafe",
                        null,
                        Platform.WEBSITE,
                        "Café crème brûlée",
                        null,
                        null,
                        null,
                        null,
                        "Naïve résumé.",
                        null));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void readsWhatThePageSaysAboutItsContent(Expected expected) throws IOException {
        PageMetadata metadata =
                extractor.extract(fixture(expected.fixture()), "text/html", expected.charset(), expected.finalUrl());

        assertThat(metadata.platform()).isEqualTo(expected.platform());
        assertThat(metadata.title()).isEqualTo(expected.title());
        if (expected.descriptionStart() == null) {
            assertThat(metadata.description()).isNull();
        } else {
            assertThat(metadata.description()).startsWith(expected.descriptionStart());
        }
        assertThat(metadata.siteName()).isEqualTo(expected.siteName());
        assertThat(metadata.authorName()).isEqualTo(expected.author());
        assertThat(metadata.publishedAt()).isEqualTo(expected.published());
        if (expected.textContains() == null) {
            assertThat(metadata.text()).isNull();
        } else {
            assertThat(metadata.text()).contains(expected.textContains());
        }
        assertThat(metadata.canonicalUrl()).isEqualTo(expected.canonical());
    }

    @Test
    void leavesScriptsNavigationAndAsidesOutOfTheText() throws IOException {
        PageMetadata article = extractor.extract(
                fixture("vnexpress-article.html"), "text/html", null, "https://vnexpress.net/a-4745678.html");

        assertThat(article.text())
                .doesNotContain("gtag", "Thời sự", "Giá vàng", "Copyright")
                .contains("Người dân nên tiêm vắc xin");
        PageMetadata plain = extractor.extract(fixture("plain-page.html"), "text/html", null, "http://x.example/");
        assertThat(plain.text()).doesNotContain("alert");
    }

    @Test
    void aProfileUrlIsNoAuthorName() throws IOException {
        // article:author of the VnExpress page is a Facebook page URL: the JSON-LD byline wins, the URL is never kept.
        PageMetadata article =
                extractor.extract(fixture("vnexpress-article.html"), "text/html", null, "https://vnexpress.net/x.html");

        assertThat(article.authorName()).isEqualTo("Lê Nga");
        String onlyUrl = "<html><head><meta property='article:author' content='https://www.facebook.com/someone'>"
                + "<title>t</title></head><body></body></html>";
        assertThat(extractor
                        .extract(onlyUrl.getBytes(StandardCharsets.UTF_8), "text/html", null, "https://a.example/")
                        .authorName())
                .isNull();
    }

    @Test
    void readsJsonLdInGraphsAndListsAndSkipsBrokenBlocks() {
        String page = """
                <html><head>
                <script type="application/ld+json">{ broken json </script>
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"Báo Mẫu"},
                  {"@type":["SocialMediaPosting"],"headline":"Bài đăng &amp; tin giả","datePublished":"2023-12-01",
                   "author":[{"@type":"Person","name":"A. Phóng viên"},{"@type":"Person","name":"B. Biên tập"}],
                   "publisher":{"@type":"Organization","name":"Báo Mẫu"},"articleBody":"Nội dung bài đăng."}]}</script>
                </head><body><p>Khác.</p></body></html>
                """;

        PageMetadata metadata =
                extractor.extract(page.getBytes(StandardCharsets.UTF_8), "text/html", "utf-8", "https://t.me/kenh/42");

        assertThat(metadata.platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(metadata.title()).isEqualTo("Bài đăng & tin giả");
        assertThat(metadata.authorName()).isEqualTo("A. Phóng viên, B. Biên tập");
        assertThat(metadata.siteName()).isEqualTo("Báo Mẫu");
        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2023-12-01T00:00:00Z"));
        assertThat(metadata.text()).isEqualTo("Nội dung bài đăng.");
    }

    @Test
    void anImageGivesThePlatformAlone() {
        PageMetadata metadata =
                extractor.extract(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png", null, "https://fb.watch/abc/");

        assertThat(metadata).isEqualTo(PageMetadata.only(Platform.FACEBOOK));
        assertThat(metadata.isEmpty()).isTrue();
    }

    @Test
    void cutsTheTextToTheExcerptLength() {
        String page = "<html><body><article><p>" + "Một câu rất dài. ".repeat(100) + "</p></article></body></html>";

        PageMetadata metadata = new MetadataExtractor(50)
                .extract(page.getBytes(StandardCharsets.UTF_8), "text/html", null, "https://a.example/");

        assertThat(metadata.text()).hasSize(50).endsWith("…");
    }

    @Test
    void garbageIsNoFailure() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);

        PageMetadata metadata = extractor.extract(noise, "text/html", "no-such-charset", "https://a.example/");

        assertThat(metadata.platform()).isEqualTo(Platform.WEBSITE);
    }

    @ParameterizedTest
    @CsvSource({
        "https://www.facebook.com/x/posts/1, FACEBOOK",
        "https://m.facebook.com/story.php?id=1, FACEBOOK",
        "https://fb.watch/abc/, FACEBOOK",
        "https://youtu.be/dQw4w9WgXcQ, YOUTUBE",
        "https://m.youtube.com/watch?v=1, YOUTUBE",
        "https://www.tiktok.com/@a/video/1, TIKTOK",
        "https://zalo.me/g/abc, ZALO",
        "https://t.me/kenh/42, TELEGRAM",
        "https://x.com/a/status/1, X",
        "https://mobile.twitter.com/a/status/1, X",
        "https://notfacebook.com/x, WEBSITE",
        "https://vnexpress.net/a.html, WEBSITE",
        "not a url, WEBSITE"
    })
    void knowsThePlatformFromTheHost(String url, Platform platform) {
        assertThat(Platform.ofUrl(url)).isEqualTo(platform);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-10T09:00:00+07:00, 2024-05-10T02:00:00Z",
        "2024-05-10T09:00:00+0700, 2024-05-10T02:00:00Z",
        "2024-05-10T09:00:00Z, 2024-05-10T09:00:00Z",
        "2024-05-10T09:00:00, 2024-05-10T09:00:00Z",
        "2024-05-10, 2024-05-10T00:00:00Z"
    })
    void readsPublishDates(String text, Instant expected) {
        assertThat(MetadataExtractor.date(text)).isEqualTo(expected);
    }

    @Test
    void anUnreadableDateIsNone() {
        assertThat(MetadataExtractor.date("hôm qua")).isNull();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MetadataExtractorTests.class.getResourceAsStream("/archive/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
