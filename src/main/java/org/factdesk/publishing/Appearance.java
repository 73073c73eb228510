package org.factdesk.publishing;

import java.time.Instant;
import org.factdesk.shared.Platform;
import org.jspecify.annotations.Nullable;

/** Where the claim was seen: the URL of one item of the case ({@code ClaimReview} {@code appearance}). */
public record Appearance(
        String url, Platform platform, @Nullable Instant seenAt) {}
