package org.factdesk.feeds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of feed monitoring.
 *
 * @param defaultInterval how often a feed is polled when the subscription names no interval
 * @param minInterval the shortest interval a unit may choose (feeds are other people's servers)
 * @param maxInterval the longest
 * @param maxBackOff the longest wait between two polls of a failing feed (unless its interval is longer)
 * @param maxEntriesPerPoll only the newest this many entries of a feed are looked at in one poll, so a feed of 500
 *     entries subscribed to does not flood the inbox; older entries are never taken
 */
@ConfigurationProperties("factdesk.feeds")
public record FeedsProperties(
        @DefaultValue("30m") Duration defaultInterval,
        @DefaultValue("5m") Duration minInterval,
        @DefaultValue("7d") Duration maxInterval,
        @DefaultValue("6h") Duration maxBackOff,
        @DefaultValue("100") int maxEntriesPerPoll) {}
