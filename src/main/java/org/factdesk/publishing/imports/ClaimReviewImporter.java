package org.factdesk.publishing.imports;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.factdesk.publishing.ImportReport;
import org.factdesk.publishing.ImportReport.Format;
import org.factdesk.publishing.ImportReport.Refusal;
import org.factdesk.publishing.PublishingExceptions.InvalidImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports ClaimReview records: finds them in the input ({@link ClaimReviewInput}) or in the pages of a URL list
 * ({@link ClaimReviewPages}), reads each ({@link ClaimReviews}) and stores it ({@link ExternalFactChecks}), each record
 * in its own transaction, so that a refused or failing record never costs the others. Refusals are reported with
 * their position; only an input that cannot be read at all (empty, not JSON, too large, too many URLs) is refused as
 * a whole, with {@link InvalidImport}.
 */
@Component
public class ClaimReviewImporter {

    private static final Logger log = LoggerFactory.getLogger(ClaimReviewImporter.class);

    private final ExternalFactChecks store;
    private final ClaimReviewPages pages;
    private final ClaimReviewInput input;
    private final ImportSettings settings;
    private final Clock clock;

    @Autowired
    ClaimReviewImporter(ExternalFactChecks store, JsonMapper json, ImportSettings settings, Clock clock) {
        this(store, new ClaimReviewPages(settings), json, settings, clock);
    }

    /** An importer that fetches pages with {@code pages} (tests allow loopback pages this way). */
    public ClaimReviewImporter(
            ExternalFactChecks store, ClaimReviewPages pages, JsonMapper json, ImportSettings settings, Clock clock) {
        this.store = store;
        this.pages = pages;
        this.input = new ClaimReviewInput(json);
        this.settings = settings;
        this.clock = clock;
    }

    /** Imports a single JSON-LD document, a JSON array or a JSONL dump. */
    public ImportReport importText(String text) {
        requireSize(text);
        if (text.isBlank()) {
            throw new InvalidImport("publishing.import.error.empty");
        }
        ClaimReviewInput.Found found;
        try {
            found = input.read(text);
        } catch (Refused unreadable) {
            Refusal refusal = unreadable.at("$");
            throw new InvalidImport(refusal.code(), refusal.argumentArray());
        }
        Tally tally = new Tally(found.format());
        for (ClaimReviewInput.Entry entry : found.entries()) {
            tally.add(entry, null);
        }
        return tally.report();
    }

    /** Imports the ClaimReviews of the pages listed one URL a line (blank lines and lines starting with # skipped). */
    public ImportReport importUrls(String list) {
        requireSize(list);
        Set<String> urls = new LinkedHashSet<>();
        for (String line : list.split("\r?\n")) {
            String url = line.strip();
            if (!url.isEmpty() && !url.startsWith("#")) {
                urls.add(url);
            }
        }
        if (urls.isEmpty()) {
            throw new InvalidImport("publishing.import.error.no-urls");
        }
        if (urls.size() > settings.maxUrls()) {
            throw new InvalidImport("publishing.import.error.too-many-urls", urls.size(), settings.maxUrls());
        }
        Tally tally = new Tally(Format.URLS);
        for (String url : urls) {
            String address = ClaimReviews.canonicalUrl(url).orElse(null);
            if (address == null) {
                tally.refuse(new Refused("bad-url", ClaimReviews.shorten(url)).at(url));
                continue;
            }
            List<ClaimReviewInput.Entry> entries;
            try {
                entries = input.markup(pages.jsonLd(address));
            } catch (Refused refused) {
                tally.refuse(refused.at(url));
                continue;
            }
            if (entries.isEmpty()) {
                tally.refuse(new Refused("no-claimreview").at(url));
                continue;
            }
            for (ClaimReviewInput.Entry entry : entries) {
                tally.add(
                        new ClaimReviewInput.Entry(
                                entries.size() == 1 ? url : url + " " + entry.position(), entry.review(), null),
                        address);
            }
        }
        return tally.report();
    }

    private void requireSize(String text) {
        long max = settings.maxSize().toBytes();
        if (text.length() > max || text.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new InvalidImport(
                    HttpStatus.PAYLOAD_TOO_LARGE, "publishing.import.error.too-large", max / (1024 * 1024));
        }
    }

    private final class Tally {
        private final Format format;
        private final List<Refusal> refused = new ArrayList<>();
        private int imported;
        private int updated;
        private int unchanged;

        Tally(Format format) {
            this.format = format;
        }

        void add(ClaimReviewInput.Entry entry, @org.jspecify.annotations.Nullable String pageUrl) {
            if (entry.refusal() != null) {
                refused.add(entry.refusal());
                return;
            }
            try {
                ClaimReviewRecord record = ClaimReviews.read(java.util.Objects.requireNonNull(entry.review()), pageUrl);
                switch (store(record)) {
                    case IMPORTED -> imported++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (Refused refusal) {
                refused.add(refusal.at(entry.position()));
            } catch (DataAccessException failed) {
                log.warn("Could not store the ClaimReview at {}", entry.position(), failed);
                refused.add(new Refused("store-failed").at(entry.position()));
            }
        }

        void refuse(Refusal refusal) {
            refused.add(refusal);
        }

        ImportReport report() {
            return new ImportReport(format, imported, updated, unchanged, refused);
        }
    }

    private ExternalFactChecks.Outcome store(ClaimReviewRecord record) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return store.store(record, now);
        } catch (DuplicateKeyException raced) {
            // Another import stored the same URL in between: this one now compares with it.
            return store.store(record, now);
        }
    }
}
