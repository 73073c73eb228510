package org.factdesk.platformreports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.factdesk.platformreports.PlatformPolicies;
import org.factdesk.platformreports.PolicyCategory;
import org.factdesk.shared.Platform;
import org.junit.jupiter.api.Test;

/** The maintained policy list reads, and a list that cannot be trusted stops the start. */
class PolicyCatalogTests {

    @Test
    void theShippedListCoversTheSocialPlatformsWithTheirOwnCategories() {
        PolicyCatalog catalog = PolicyCatalog.fromClassPath("platformreports/policies.yml");
        assertThat(catalog.platforms())
                .extracting(PlatformPolicies::platform)
                .containsExactly(
                        Platform.FACEBOOK,
                        Platform.YOUTUBE,
                        Platform.TIKTOK,
                        Platform.ZALO,
                        Platform.TELEGRAM,
                        Platform.X);
        assertThat(catalog.of(Platform.WEBSITE)).isEmpty();
        assertThat(catalog.reviewed()).matches("\\d{4}-\\d{2}-\\d{2}");
        for (PlatformPolicies platform : catalog.platforms()) {
            assertThat(platform.categories()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(platform.rulesUrl()).startsWith("https://");
            for (PolicyCategory category : platform.categories()) {
                assertThat(category.url()).startsWith("https://");
                assertThat(category.vi()).isNotBlank();
                assertThat(category.en()).isNotBlank();
            }
        }
        assertThat(catalog.of(Platform.FACEBOOK).orElseThrow().category("misinformation-health"))
                .hasValueSatisfying(c -> assertThat(c.vi()).isEqualTo("Thông tin sai lệch về sức khỏe"));
    }

    @Test
    void refusesAListThatCannotBeTrusted() {
        Map<String, Object> category = Map.of("code", "spam", "vi", "Spam", "en", "Spam", "url", "https://x.test/");
        assertThatThrownBy(() -> new PolicyCatalog(Map.of(
                        "platforms",
                        Map.of(
                                "MYSPACE",
                                Map.of("name", "M", "rules", "https://m/", "categories", List.of(category))))))
                .hasMessageContaining("MYSPACE is not a platform");
        assertThatThrownBy(() -> new PolicyCatalog(Map.of(
                        "platforms",
                        Map.of(
                                "X",
                                Map.of(
                                        "name",
                                        "X",
                                        "rules",
                                        "https://x/",
                                        "categories",
                                        List.of(category, category))))))
                .hasMessageContaining("X/spam is malformed or repeated");
        assertThatThrownBy(() -> new PolicyCatalog(Map.of(
                        "platforms",
                        Map.of("X", Map.of("name", "X", "rules", "http://x/", "categories", List.of(category))))))
                .hasMessageContaining("not an https link");
        assertThatThrownBy(() -> new PolicyCatalog(Map.of(
                        "platforms",
                        Map.of(
                                "X",
                                Map.of(
                                        "name",
                                        "X",
                                        "rules",
                                        "https://x/",
                                        "categories",
                                        List.of(Map.of("code", "spam", "en", "Spam", "url", "https://x/")))))))
                .hasMessageContaining("has no vi");
    }
}
