package org.factdesk.archive;

import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;

/**
 * An item's URL was fetched and archived, and the page's own title and text are known. Published for modules that may
 * want to look at the fetched text (matching could re-match an item that came with a bare URL); nothing needs it.
 */
public record LinkArchived(
        ItemId item, @Nullable String title, @Nullable String text) {}
