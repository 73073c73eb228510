package org.factdesk.platformreports;

import java.time.Instant;
import org.factdesk.shared.Platform;

/** The platform confirmed it received the report, without an outcome yet. */
public record PlatformReportAcknowledged(PlatformReportId id, Platform platform, Instant at) {}
