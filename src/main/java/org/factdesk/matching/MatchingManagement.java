package org.factdesk.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CheckedClaim;
import org.factdesk.cases.ClaimId;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.matching.engine.Band;
import org.factdesk.matching.internal.ClaimSearch;
import org.factdesk.matching.internal.ItemMatches;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.Role;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching's API: which checked claims a text repeats, the matches of each item with the checkers' decisions, and the
 * upkeep of the claim index (rebuilt from the cases when missing or outdated, kept in step through their events).
 */
@Service
public class MatchingManagement {

    public static final int MAX_LIMIT = 50;
    private static final Logger log = LoggerFactory.getLogger(MatchingManagement.class);

    private final ClaimSearch search;
    private final CaseManagement cases;
    private final IntakeManagement intake;
    private final ItemMatches itemMatches;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchingManagement(
            ClaimSearch search,
            CaseManagement cases,
            IntakeManagement intake,
            ItemMatches itemMatches,
            MatchingProperties properties,
            Clock clock) {
        this.search = search;
        this.cases = cases;
        this.intake = intake;
        this.itemMatches = itemMatches;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The checked claims that {@code text} repeats, best first. Blank text is refused; text over the configured
     * length is matched on its beginning and the report says so.
     */
    public MatchReport match(String text, int limit) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("matching.error.text-required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("matching.error.limit", MAX_LIMIT);
        }
        ClaimSearch.MatchResult result = search.match(text, limit);
        List<DeskMatch> matches = new ArrayList<>();
        for (ClaimSearch.Hit hit : result.hits()) {
            matches.add(desk(hit));
        }
        return new MatchReport(matches, result.truncated());
    }

    /**
     * Opens the claim index at start-up: rebuilt from the cases when it is missing, corrupt, of an older schema, or
     * does not hold the claims the database has; otherwise reused as it is (embeddings are never recomputed).
     */
    public void openIndex() {
        List<CheckedClaim> all = cases.checkedClaims();
        if (search.needsRebuild() || search.size() != all.size()) {
            log.info("The claim index is missing or not current; rebuilding it from the database");
            search.replaceAll(all);
        } else {
            search.remember(all);
        }
    }

    /** Rebuilds the claim index from the cases. */
    public int reindex() {
        List<CheckedClaim> all = cases.checkedClaims();
        search.replaceAll(all);
        log.info("Rebuilt the claim index: {} claims", all.size());
        return all.size();
    }

    /**
     * Brings the index in line with a case's claims (added, published, or closed and so removed). Reading the case
     * and writing the index happen under one lock, so that of two refreshes running at once the later one always
     * writes the later state.
     */
    public void refreshCase(CaseId caseId) {
        synchronized (search) {
            search.replaceCase(caseId, cases.checkedClaims(caseId));
        }
    }

    /** Matches an item's text and stores the AUTO and SUGGEST matches (AUTO ones linked at once). */
    @Transactional
    public List<ItemMatch> matchItem(ItemId id) {
        Item item = intake.get(id);
        String text =
                ((item.title() == null ? "" : item.title() + "\n") + (item.text() == null ? "" : item.text())).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        for (DeskMatch match : match(text, properties.itemMatches()).matches()) {
            if (match.band() == Band.NONE || match.caseId().equals(item.caseId())) {
                continue;
            }
            MatchDecision decision = match.band() == Band.AUTO ? MatchDecision.AUTO_LINKED : MatchDecision.PENDING;
            itemMatches.insertIfAbsent(new ItemMatches.Row(
                    id,
                    match.claimId(),
                    match.caseId(),
                    match.score(),
                    match.band(),
                    decision,
                    clock.instant(),
                    null,
                    null));
        }
        return matchesOf(id);
    }

    /** The stored matches of an item, best first, with the claims as they stand now. */
    @Transactional(readOnly = true)
    public List<ItemMatch> matchesOf(ItemId id) {
        List<ItemMatch> result = new ArrayList<>();
        for (ItemMatches.Row row : itemMatches.of(id)) {
            Optional<CheckedClaim> claim = cases.checkedClaims(row.caseId()).stream()
                    .filter(candidate -> candidate.id().equals(row.claim()))
                    .findFirst();
            claim.ifPresent(found -> result.add(new ItemMatch(
                    id,
                    desk(found, row.score(), row.band(), List.of()),
                    row.decision(),
                    row.matchedAt(),
                    row.decidedBy(),
                    row.decidedAt())));
        }
        return result;
    }

    /** A checker of the item's unit confirms or rejects a match: one click, kept with who and when. */
    @Transactional
    public ItemMatch decide(CurrentUser actor, ItemId item, ClaimId claim, boolean confirmed) {
        Item found = intake.get(item);
        if (!actor.hasRole(found.unit(), Role.CHECKER)) {
            throw new Forbidden("matching.error.not-checker");
        }
        itemMatches.find(item, claim).orElseThrow(() -> new NotFound("matching.error.match-not-found", claim));
        itemMatches.decide(
                item, claim, confirmed ? MatchDecision.CONFIRMED : MatchDecision.REJECTED, actor.id(), clock.instant());
        return matchesOf(item).stream()
                .filter(match -> match.match().claimId().equals(claim))
                .findFirst()
                .orElseThrow(() -> new NotFound("matching.error.match-not-found", claim));
    }

    /** How many claims the index holds. */
    public int indexedClaims() {
        return search.size();
    }

    private static DeskMatch desk(ClaimSearch.Hit hit) {
        return desk(
                hit.claim(),
                hit.candidate().score(),
                hit.candidate().band(),
                hit.candidate().highlights());
    }

    private static DeskMatch desk(CheckedClaim claim, double score, Band band, List<String> highlights) {
        return new DeskMatch(
                claim.id(),
                claim.caseId(),
                claim.text(),
                claim.language(),
                score,
                band,
                claim.rating(),
                claim.publishedAt(),
                claim.published() ? "/cases/" + claim.caseId() : null,
                highlights);
    }
}
