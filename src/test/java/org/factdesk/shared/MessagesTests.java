package org.factdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every UI text comes from the message files, and Vietnamese and English have the same keys. */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    // Text that needs no translation: punctuation, arrows, separators, numbers.
    private static final Pattern NEUTRAL = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\d\\s]*");
    private static final Set<String> TRANSLATABLE_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt");

    static Stream<String> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES, 2)) {
            return files
                    .map(path -> RESOURCES.relativize(path).toString())
                    .filter(name -> name.endsWith("_vi.properties"))
                    .map(name -> name.substring(0, name.length() - "_vi.properties".length()))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void vietnameseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> vietnamese = keys(RESOURCES.resolve(bundle + "_vi.properties"));
        Set<String> english = keys(RESOURCES.resolve(bundle + "_en.properties"));
        assertThat(vietnamese).as("keys of %s_vi missing from _en", bundle).isSubsetOf(english);
        assertThat(english).as("keys of %s_en missing from _vi", bundle).isSubsetOf(vietnamese);
        assertThat(vietnamese).isNotEmpty();
    }

    @Test
    void everyBundleIsOnTheMessageSourcePath() throws IOException {
        String configuration = Files.readString(RESOURCES.resolve("application.yml"));
        bundles().forEach(bundle -> assertThat(configuration).contains(bundle));
    }

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(path -> path.toString().endsWith(".html")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void templatesCarryNoLiteralText(Path template) throws IOException {
        Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
        List<String> literal = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            for (TextNode text : element.textNodes()) {
                if (!NEUTRAL.matcher(text.text()).matches() && !replacedAtRuntime(element)) {
                    literal.add("<" + element.tagName() + ">" + text.text().strip());
                }
            }
            element.attributes().forEach(attribute -> {
                if (TRANSLATABLE_ATTRIBUTES.contains(attribute.getKey())
                        && !NEUTRAL.matcher(attribute.getValue()).matches()
                        && !attribute.getValue().startsWith("http")) {
                    literal.add(attribute.getKey() + "=\"" + attribute.getValue() + "\"");
                }
            });
        }
        assertThat(literal)
                .as("literal text in %s", TEMPLATES.relativize(template))
                .isEmpty();
    }

    private static boolean replacedAtRuntime(Element element) {
        if (element.tagName().equals("script") || element.tagName().equals("style")) {
            return true;
        }
        for (Element current = element; current != null; current = current.parent()) {
            if (current.hasAttr("th:text")
                    || current.hasAttr("th:utext")
                    || current.hasAttr("th:replace")
                    || current.hasAttr("th:insert")
                    || current.hasAttr("th:remove")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @org.junit.jupiter.api.Test
    void englishCountsAgreeWithTheirNumber() throws IOException {
        java.util.Properties feeds = new java.util.Properties();
        try (var in = new java.io.InputStreamReader(
                getClass().getResourceAsStream("/i18n/feeds_en.properties"), java.nio.charset.StandardCharsets.UTF_8)) {
            feeds.load(in);
        }
        var entries = new java.text.MessageFormat(feeds.getProperty("feeds.entries"), java.util.Locale.ENGLISH);
        org.assertj.core.api.Assertions.assertThat(entries.format(new Object[] {2, 1}))
                .isEqualTo("2 entries, 1 new item");
        org.assertj.core.api.Assertions.assertThat(entries.format(new Object[] {1, 0}))
                .isEqualTo("1 entry, no new items");
        org.assertj.core.api.Assertions.assertThat(entries.format(new Object[] {1200, 37}))
                .isEqualTo("1,200 entries, 37 new items");
    }
}
