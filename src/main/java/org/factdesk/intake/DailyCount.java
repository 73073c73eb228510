package org.factdesk.intake;

import java.time.LocalDate;

/** How many copies of a cluster were seen on one day, in the installation's time zone. */
public record DailyCount(LocalDate day, int count) {}
