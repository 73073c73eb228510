package org.factdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.factdesk.intake.internal.UrlNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://www.facebook.com/groups/abc/posts/123?fbclid=xyz   | https://facebook.com/groups/abc/posts/123
            HTTP://Facebook.com:80/groups/abc/posts/123/#comments      | https://facebook.com/groups/abc/posts/123
            https://m.facebook.com/story.php?story_fbid=9&id=4&mibextid=x | https://facebook.com/story.php?id=4&story_fbid=9
            https://www.youtube.com/watch?v=abc&utm_source=zalo&t=30   | https://youtube.com/watch?v=abc
            https://example.org:8443/a?b=2&a=1                         | https://example.org:8443/a?a=1&b=2
            https://bộytế.vn/tin-tức                                   | https://xn--byt-9jzwf.vn/tin-tức
            """)
    void normalisesTheSameContentToOneKey(String raw, String expected) {
        assertThat(UrlNormalizer.normalize(raw)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://example.org/file",
                "javascript:alert(1)",
                "not a url",
                "https://",
                "//example.org/x",
                "mailto:x@example.org",
                "https://exa mple.org",
                ""
            })
    void refusesWhatIsNotAnHttpLink(String raw) {
        assertThat(UrlNormalizer.normalize(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://user:secret@example.org/a?b=1#c          | https://example.org/a?b=1#c
            http://facebook.com@evil.example/post            | http://evil.example/post
            http://a@b@c.example:8080                        | http://c.example:8080
            https://example.org/path/@page?u=x@y#f@g         | https://example.org/path/@page?u=x@y#f@g
            https://www.tiktok.com/@page/video/1             | https://www.tiktok.com/@page/video/1
            not a url @ all                                  | not a url @ all
            """)
    void dropsAUserNameOrPasswordBeforeTheHostOnly(String raw, String expected) {
        assertThat(UrlNormalizer.withoutUserInfo(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongLinks() {
        assertThat(UrlNormalizer.normalize("https://example.org/" + "a".repeat(UrlNormalizer.MAX_LENGTH)))
                .isEmpty();
    }
}
