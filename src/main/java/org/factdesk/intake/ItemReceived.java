package org.factdesk.intake;

import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;

/** A new item was stored (not raised for duplicates). Matching and statistics follow it. */
public record ItemReceived(ItemId item, UnitId unit, Platform platform, Language language) {}
