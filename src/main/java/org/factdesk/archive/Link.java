package org.factdesk.archive;

import java.time.Instant;
import java.util.List;
import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;

/**
 * The fetch of one item's URL: its state, the attempts made, the reason of the last failure and the metadata of the
 * latest capture. The captures themselves are {@link Snapshot}s.
 *
 * @param errorKey the message key of the last failure ({@code intake.fetch.error.*} from the fetcher, or
 *     {@code archive.error.*}); empty when the last attempt succeeded or none was made
 * @param errorArguments the message's arguments, as text
 * @param nextAttemptAt when a PENDING link is tried (again)
 * @param metadata what the latest capture said about its content; empty before the first successful fetch
 */
public record Link(
        ItemId item,
        String url,
        LinkState state,
        int attempts,
        @Nullable String errorKey,
        List<String> errorArguments,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant fetchedAt,
        @Nullable PageMetadata metadata) {

    public Link {
        errorArguments = List.copyOf(errorArguments);
    }

    /** The arguments for rendering {@link #errorKey()} with a message source. */
    public Object[] errorArgumentArray() {
        return errorArguments.toArray();
    }
}
