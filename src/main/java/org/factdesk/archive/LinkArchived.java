package org.factdesk.archive;

import org.factdesk.shared.ItemId;
import org.jspecify.annotations.Nullable;

/**
 * An item's URL was fetched and archived, and the page's own title and text are known. Matching matches an item that
 * came as a bare link by this text.
 */
public record LinkArchived(
        ItemId item, @Nullable String title, @Nullable String text) {}
