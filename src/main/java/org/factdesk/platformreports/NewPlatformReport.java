package org.factdesk.platformreports;

import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;

/**
 * What an editor records when they report an item to a platform. Platform and policy are the codes of the maintained
 * list, as typed or chosen: unknown ones are refused with a clear error.
 *
 * @param submittedAt when the report was sent; now when empty
 * @param factCheckUrl the published fact-check the justification cites, when there is one
 */
public record NewPlatformReport(
        ItemId item,
        @Nullable String platform,
        @Nullable String policy,
        @Nullable String reference,
        @Nullable String justification,
        @Nullable String factCheckUrl,
        @Nullable Instant submittedAt) {}
