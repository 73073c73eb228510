package org.factdesk.cases;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.factdesk.network.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases texts are complete in both languages: every state, action, rating, reason and role has its words, every
 * key a template or the code names exists, and the Vietnamese text carries its diacritics.
 */
class CaseMessagesTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path SOURCES = Path.of("src/main/java/org/factdesk/cases");
    static final Path TEMPLATES = Path.of("src/main/resources/templates/cases");
    static final Pattern STATIC_KEY = Pattern.compile(
            "\"(cases\\.(?:error|validation|flash|form)\\.[a-z0-9.-]+)\"|#\\{(cases\\.[a-zA-Z0-9._-]+)[}(]|\\{(cases\\.validation\\.[a-z0-9.-]+)}");

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void namesEveryValueOfTheWorkflow(String language) throws IOException {
        Properties messages = load(language);
        List<String> keys = new ArrayList<>();
        Stream.of(CaseState.values()).forEach(value -> keys.add("cases.state." + value));
        Stream.of(CaseAction.values()).forEach(value -> keys.add("cases.action." + value));
        Stream.of(CaseAction.values()).forEach(value -> keys.add("cases.history." + value));
        Stream.of(Rating.values()).forEach(value -> keys.add("cases.rating." + value));
        Stream.of(CloseReason.values()).forEach(value -> keys.add("cases.close-reason." + value));
        Stream.of(EvidenceKind.values()).forEach(value -> keys.add("cases.evidence-kind." + value));
        Stream.of(Role.values()).forEach(value -> keys.add("cases.role." + value));
        for (int priority = Case.MIN_PRIORITY; priority <= Case.MAX_PRIORITY; priority++) {
            keys.add("cases.priority." + priority);
        }
        assertThat(keys)
                .allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void hasEveryKeyTheCodeAndTemplatesName(String language) throws IOException {
        Properties messages = load(language);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(SOURCES), Files.walk(TEMPLATES))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = STATIC_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    String key = matcher.group(1) != null
                            ? matcher.group(1)
                            : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
                    if (!key.endsWith(".") && messages.getProperty(key) == null) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void vietnameseIsWrittenWithDiacritics() throws IOException {
        Properties vietnamese = load("vi");
        long marked = vietnamese.stringPropertyNames().stream()
                .map(vietnamese::getProperty)
                .filter(text -> text.codePoints()
                        .anyMatch(c ->
                                "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý".indexOf(c) >= 0))
                .count();
        assertThat(marked).isGreaterThan(vietnamese.size() * 8L / 10);
        assertThat(vietnamese.getProperty("cases.state.IN_REVIEW")).isEqualTo("Chờ duyệt");
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(I18N.resolve("cases_" + language + ".properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
