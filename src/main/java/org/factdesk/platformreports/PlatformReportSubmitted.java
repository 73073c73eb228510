package org.factdesk.platformreports;

import java.time.Instant;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;

/** An editor recorded that an item was reported to a platform under one of its policy categories. */
public record PlatformReportSubmitted(
        PlatformReportId id, ItemId item, UnitId unit, Platform platform, String policy, Instant submittedAt) {}
