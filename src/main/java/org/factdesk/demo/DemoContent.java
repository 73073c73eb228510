package org.factdesk.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.factdesk.intake.Engagement;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/** The shape of {@code demo/desk.json}: fact-checked claims with their evidence, and the items that repeat them. */
record DemoContent(List<DemoClaim> claims, List<DemoItem> items) {

    record DemoClaim(
            String key,
            String language,
            String claim,
            List<String> topics,
            String rating,
            String summary,
            List<DemoEvidence> evidence) {}

    record DemoEvidence(String url, String title, String summary) {}

    /**
     * An item; {@code claim} names the claim it repeats, {@code case} an open question about it. With both, the item
     * is a repeat of a published claim that arrives after its fact-check and gets a case of its own before anyone
     * notices. {@code reposts} are the days ago on which copies of it were seen again (the same text, or lightly
     * edited: with emoji, share-bait, without diacritics), which the inbox shows as one rumour.
     */
    record DemoItem(
            @Nullable String claim,
            Platform platform,
            String language,
            @Nullable String url,
            String text,
            int seenDaysAgo,
            @Nullable Engagement engagement,
            @JsonProperty("case") @Nullable OpenQuestion openQuestion,
            @Nullable List<Integer> reposts) {

        boolean repeatCase() {
            return claim != null && openQuestion != null;
        }
    }

    /** A case opened on an item that no fact-check covers yet, left in {@code state}. */
    record OpenQuestion(
            String claim,
            List<String> topics,
            String state,
            @Nullable Integer priority,
            @Nullable String closeReason,
            @Nullable String note) {}
}
