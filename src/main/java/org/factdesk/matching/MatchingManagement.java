package org.factdesk.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CheckedClaim;
import org.factdesk.cases.Claim;
import org.factdesk.cases.ClaimId;
import org.factdesk.intake.ClusterSummary;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.matching.engine.Band;
import org.factdesk.matching.engine.ClaimMatcher;
import org.factdesk.matching.internal.ClaimSearch;
import org.factdesk.matching.internal.FactCheckPages;
import org.factdesk.matching.internal.ItemMatches;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.Role;
import org.factdesk.publishing.ClaimReviewImports;
import org.factdesk.publishing.ExternalFactCheckImported;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.InvalidInput;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.NotFound;
import org.factdesk.shared.PageOf;
import org.jspecify.annotations.Nullable;
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
    /** The last page a claim search goes to. */
    public static final int MAX_PAGE = 10_000;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Logger log = LoggerFactory.getLogger(MatchingManagement.class);

    private final ClaimSearch search;
    private final CaseManagement cases;
    private final IntakeManagement intake;
    private final ItemMatches itemMatches;
    private final FactCheckPages factCheckPages;
    private final ClaimReviewImports imports;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchingManagement(
            ClaimSearch search,
            CaseManagement cases,
            IntakeManagement intake,
            ItemMatches itemMatches,
            FactCheckPages factCheckPages,
            ClaimReviewImports imports,
            MatchingProperties properties,
            Clock clock) {
        this.search = search;
        this.cases = cases;
        this.intake = intake;
        this.itemMatches = itemMatches;
        this.factCheckPages = factCheckPages;
        this.imports = imports;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The checked claims that {@code text} repeats, best first, of every unit, published or not (for the desk's own
     * use: the tipline answers only with published fact-checks; people get {@link #match(CurrentUser, String, int)}).
     * Blank text, or text with no letter or digit, is refused; text over the configured length is matched on its
     * beginning and the report says so.
     */
    public MatchReport match(String text, int limit) {
        return match(text, limit, claim -> true);
    }

    /**
     * {@link #match(String, int)} as {@code actor} may see it: claims still being checked only from the actor's own
     * units, published ones from every unit (the rule of {@link #searchClaims}).
     */
    public MatchReport match(CurrentUser actor, String text, int limit) {
        return match(text, limit, claim -> claim.published() || actor.isMemberOf(claim.unit()));
    }

    private MatchReport match(String text, int limit, java.util.function.Predicate<CheckedClaim> readable) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("matching.error.text-required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("matching.error.limit", MAX_LIMIT);
        }
        ClaimSearch.MatchResult result = matchText(text, limit);
        Map<CaseId, Language> languages = new HashMap<>();
        result.hits()
                .forEach(hit ->
                        languages.putIfAbsent(hit.claim().caseId(), hit.claim().language()));
        Map<CaseId, String> publicUrls = factCheckPages.urls(languages);
        List<DeskMatch> matches = new ArrayList<>();
        for (ClaimSearch.Hit hit : result.hits()) {
            if (!readable.test(hit.claim())) {
                continue;
            }
            DeskMatch match = desk(hit);
            String url = publicUrls.get(match.caseId());
            matches.add(url == null ? match : match.withFactCheckUrl(url));
        }
        List<ExternalMatch> external = new ArrayList<>();
        for (ClaimSearch.ExternalHit hit : result.external()) {
            ClaimSearch.ExternalClaim claim = hit.claim();
            external.add(new ExternalMatch(
                    claim.id(),
                    claim.url(),
                    claim.organisation(),
                    claim.claim(),
                    claim.language(),
                    claim.rating(),
                    claim.ratingText(),
                    claim.publishedAt(),
                    hit.candidate().score(),
                    hit.candidate().band(),
                    hit.candidate().highlights()));
        }
        return new MatchReport(matches, external, result.truncated());
    }

    /**
     * Opens the claim index at start-up: rebuilt from the cases and the imported fact-checks when it is missing,
     * corrupt, of an older schema, or does not hold what the database has; otherwise reused as it is (embeddings are
     * never recomputed).
     */
    public void openIndex() {
        List<CheckedClaim> all = cases.checkedClaims();
        List<ClaimSearch.ExternalClaim> imported = imported();
        if (search.needsRebuild() || search.size() != all.size() + imported.size()) {
            log.info("The claim index is missing or not current; rebuilding it from the database");
            search.replaceAll(all, imported);
        } else {
            search.remember(all, imported);
        }
    }

    /** Rebuilds the claim index from the cases and the imported fact-checks. */
    public int reindex() {
        List<CheckedClaim> all = cases.checkedClaims();
        List<ClaimSearch.ExternalClaim> imported = imported();
        search.replaceAll(all, imported);
        log.info("Rebuilt the claim index: {} claims, {} imported fact-checks", all.size(), imported.size());
        return all.size() + imported.size();
    }

    /** Adds or replaces an imported fact-check in the index. */
    public void indexImported(ExternalFactCheckImported event) {
        search.upsert(new ClaimSearch.ExternalClaim(
                event.id(),
                event.url(),
                event.organisation(),
                event.claim(),
                event.language(),
                event.rating(),
                event.ratingText(),
                event.publishedAt()));
    }

    private List<ClaimSearch.ExternalClaim> imported() {
        return imports.externalFactChecks().stream()
                .map(external -> new ClaimSearch.ExternalClaim(
                        external.id(),
                        external.url(),
                        external.organisation(),
                        external.claim(),
                        external.language(),
                        external.rating(),
                        external.ratingText(),
                        external.publishedAt()))
                .toList();
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
        if (!ClaimMatcher.hasWords(text)) {
            return List.of();
        }
        storeMatches(item, text);
        return storedMatches(id);
    }

    /**
     * Matches an item that came as a bare link by the page its link led to: the fetched page's title and text stand in
     * for the text the item lacks. An item with a title or text of its own was matched on arrival by that, and the
     * page changes nothing for it (what a person saw and logged is what is checked).
     */
    @Transactional
    public List<ItemMatch> matchFetchedPage(ItemId id, @Nullable String pageTitle, @Nullable String pageText) {
        Item item = intake.get(id);
        boolean ownText = (item.title() != null && !item.title().isBlank())
                || (item.text() != null && !item.text().isBlank());
        String text = ((pageTitle == null ? "" : pageTitle + "\n") + (pageText == null ? "" : pageText)).strip();
        if (ownText || !ClaimMatcher.hasWords(text)) {
            return storedMatches(id);
        }
        storeMatches(item, text);
        return storedMatches(id);
    }

    private void storeMatches(Item item, String text) {
        for (DeskMatch match : suggestionsFor(text)) {
            if (!match.caseId().equals(item.caseId())) {
                itemMatches.insertIfAbsent(row(item.id(), match));
            }
        }
    }

    /**
     * The matches an item's text gets: only suggested and auto-linked ones are kept, so a text that no claim can bring
     * to a suggestion is not ranked ({@link ClaimSearch#suggestions}).
     */
    private List<DeskMatch> suggestionsFor(String text) {
        return search.suggestions(text, properties.itemMatches()).hits().stream()
                .map(MatchingManagement::desk)
                .filter(match -> match.band() != Band.NONE)
                .toList();
    }

    /** The stored match of {@code item}: linked at once when AUTO, else waiting for a checker. */
    private ItemMatches.Row row(ItemId item, DeskMatch match) {
        return new ItemMatches.Row(
                item,
                match.claimId(),
                match.caseId(),
                match.score(),
                match.band(),
                match.band() == Band.AUTO ? MatchDecision.AUTO_LINKED : MatchDecision.PENDING,
                clock.instant(),
                null,
                null);
    }

    /**
     * Matches the items of a bulk import batch like {@link #matchItem} matches one, and stores the matches with one
     * query for those already stored and one batch of inserts. Items of the batch in the same near-duplicate cluster
     * repeat the same rumour, so the text of the first one is matched and its matches are kept for the others (an
     * export often holds dozens of copies of one post; matching each costs milliseconds that a 200,000-row import
     * cannot spend). Returns how many matches were stored.
     */
    @Transactional
    public int matchItems(List<ItemId> ids) {
        List<Item> found = intake.findAll(ids);
        Map<ItemId, Item> byId = new HashMap<>();
        found.forEach(item -> byId.put(item.id(), item));
        Map<ItemId, ClusterSummary> clusters = intake.clusterSummaries(ids);
        Map<Object, List<DeskMatch>> byCluster = new HashMap<>();
        List<ItemMatches.Row> rows = new ArrayList<>();
        for (ItemId id : ids) {
            Item item = byId.get(id);
            if (item == null) {
                continue;
            }
            String text = ((item.title() == null ? "" : item.title() + "\n") + (item.text() == null ? "" : item.text()))
                    .strip();
            if (!ClaimMatcher.hasWords(text)) {
                continue;
            }
            ClusterSummary cluster = clusters.get(id);
            Object key = cluster == null ? id : cluster.id();
            List<DeskMatch> matches = byCluster.computeIfAbsent(key, ignored -> suggestionsFor(text));
            for (DeskMatch match : matches) {
                if (!match.caseId().equals(item.caseId())) {
                    rows.add(row(id, match));
                }
            }
        }
        return itemMatches.insertAllIfAbsent(rows);
    }

    /** The stored matches of an item, best first, with the claims as they stand now. */
    @Transactional(readOnly = true)
    public List<ItemMatch> matchesOf(ItemId id) {
        intake.get(id); // an unknown item is a 404, not an empty list
        return storedMatches(id);
    }

    /** {@link #matchesOf(ItemId)} of an item the caller has already read. */
    private List<ItemMatch> storedMatches(ItemId id) {
        return matchesOf(List.of(id)).getOrDefault(id, List.of());
    }

    /**
     * The stored matches of these items, each item's best first, with the claims as they stand now (matches of claims
     * whose case was closed since are left out). Two queries whatever the number of items and matches: the stored
     * matches, then their claims. Items without matches are not in the map.
     */
    @Transactional(readOnly = true)
    public Map<ItemId, List<ItemMatch>> matchesOf(Collection<ItemId> ids) {
        List<ItemMatches.Row> rows = itemMatches.of(ids);
        Map<ClaimId, CheckedClaim> claims = new HashMap<>();
        for (CheckedClaim claim : cases.checkedClaimsById(
                rows.stream().map(ItemMatches.Row::claim).collect(Collectors.toSet()))) {
            claims.put(claim.id(), claim);
        }
        Map<ItemId, List<ItemMatch>> result = new LinkedHashMap<>();
        for (ItemMatches.Row row : rows) {
            CheckedClaim claim = claims.get(row.claim());
            if (claim != null) {
                result.computeIfAbsent(row.item(), item -> new ArrayList<>())
                        .add(new ItemMatch(
                                row.item(),
                                desk(claim, row.score(), row.band(), List.of()),
                                row.decision(),
                                row.matchedAt(),
                                row.decidedBy(),
                                row.decidedAt()));
            }
        }
        return result;
    }

    /**
     * Searches the checked claims that {@code actor} may read: published fact-checks of the whole network, and the
     * claims still being checked in the actor's own units. With a text, the text is matched with the desk's analysis
     * (its first {@code maxQueryLength} characters; the result says when it was cut) and the best matches come
     * first, at most {@link #MAX_LIMIT} in all; without one, the published fact-checks come, the most recent first.
     * {@code size} is between 1 and {@link #MAX_LIMIT}.
     */
    @Transactional(readOnly = true)
    public FoundClaims searchClaims(CurrentUser actor, ClaimQuery query, int page, int size) {
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInput("matching.error.limit", MAX_LIMIT);
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInput("matching.error.page", MAX_PAGE);
        }
        String text = query.text() == null
                ? ""
                : CONTROL.matcher(query.text()).replaceAll(" ").strip();
        if (!ClaimMatcher.hasWords(text)) {
            PageOf<DeskMatch> latest = cases.publishedClaims(query.rating(), query.language(), page, size)
                    .map(claim -> desk(claim, 0, Band.NONE, List.of()));
            return new FoundClaims(latest, false, false);
        }
        boolean cut = text.length() > properties.maxQueryLength();
        if (cut) {
            int end = properties.maxQueryLength();
            text = text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
        }
        List<DeskMatch> found = new ArrayList<>();
        for (ClaimSearch.Hit hit : matchText(text, MAX_LIMIT).hits()) {
            CheckedClaim claim = hit.claim();
            boolean readable = claim.published() || actor.isMemberOf(claim.unit());
            if (readable
                    && (query.rating() == null || query.rating() == claim.rating())
                    && (query.language() == null || query.language() == claim.language())) {
                found.add(desk(hit));
            }
        }
        int from = (int) Math.min((long) page * size, found.size());
        int to = Math.min(from + size, found.size());
        return new FoundClaims(new PageOf<>(found.subList(from, to), page, size, found.size()), true, cut);
    }

    /**
     * What the desk knows about a case that {@code actor} may read (as the case page: a case of one of their units, or
     * a published one): the published fact-checks that its claims repeat (matched now, AUTO and SUGGEST bands) or
     * that its items were matched with (not rejected), the case's own claims left out; and each item's stored
     * matches, with whether the actor may decide on them.
     */
    @Transactional(readOnly = true)
    public CaseMatches caseMatches(CurrentUser actor, CaseId caseId) {
        Case kase = cases.get(actor, caseId);
        Map<ClaimId, CaseMatches.Repeat> repeats = new LinkedHashMap<>();
        for (Claim claim : kase.claims()) {
            // The case's own claim is indexed too and comes first, as the same claim (AUTO) when the text is long
            // enough; the best other claim then stands where the top candidate would, and is AUTO on its score.
            boolean ownFirst = false;
            boolean first = true;
            for (ClaimSearch.Hit hit :
                    matchText(claim.text(), properties.itemMatches()).hits()) {
                if (hit.claim().caseId().equals(caseId)) {
                    ownFirst |= first && hit.candidate().band() == Band.AUTO;
                    continue;
                }
                DeskMatch match = desk(hit);
                if (first && ownFirst && match.score() >= search.autoThreshold()) {
                    match = match.withBand(Band.AUTO);
                }
                first = false;
                if (match.band() != Band.NONE && match.published()) {
                    repeats.merge(match.claimId(), new CaseMatches.Repeat(match, true, 0), MatchingManagement::merged);
                }
            }
        }
        List<Item> items = cases.items(kase);
        Map<ItemId, List<ItemMatch>> stored =
                matchesOf(items.stream().map(Item::id).toList());
        List<CaseMatches.OfItem> ofItems = new ArrayList<>();
        for (Item item : items) {
            List<ItemMatch> matches = stored.getOrDefault(item.id(), List.of()).stream()
                    .filter(match -> !match.match().caseId().equals(caseId))
                    .toList();
            for (ItemMatch match : matches) {
                if (match.match().published() && match.decision() != MatchDecision.REJECTED) {
                    repeats.merge(
                            match.match().claimId(),
                            new CaseMatches.Repeat(match.match(), false, 1),
                            MatchingManagement::merged);
                }
            }
            ofItems.add(new CaseMatches.OfItem(item, actor.hasRole(item.unit(), Role.CHECKER), matches));
        }
        List<CaseMatches.Repeat> ranked = repeats.values().stream()
                .sorted(Comparator.comparingDouble((CaseMatches.Repeat repeat) ->
                                repeat.factCheck().score())
                        .reversed())
                .toList();
        return new CaseMatches(caseId, kase.title(), ranked, ofItems);
    }

    private static CaseMatches.Repeat merged(CaseMatches.Repeat seen, CaseMatches.Repeat more) {
        DeskMatch better = more.factCheck().score() > seen.factCheck().score() ? more.factCheck() : seen.factCheck();
        return new CaseMatches.Repeat(better, seen.byClaim() || more.byClaim(), seen.byItems() + more.byItems());
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
        return storedMatches(item).stream()
                .filter(match -> match.match().claimId().equals(claim))
                .findFirst()
                .orElseThrow(() -> new NotFound("matching.error.match-not-found", claim));
    }

    /**
     * Whether {@code text} has anything to match (a letter or a digit): spaces of any kind, control and format
     * characters, punctuation and emoji alone are refused like a blank text.
     */
    public static boolean matchable(@Nullable String text) {
        return text != null && ClaimMatcher.hasWords(text);
    }

    /** The engine's matches; a text with no letter or digit is refused like a blank one. */
    private ClaimSearch.MatchResult matchText(String text, int limit) {
        if (!ClaimMatcher.hasWords(text)) {
            throw new InvalidInput("matching.error.text-required");
        }
        return search.match(text, limit);
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
                claim.verdictSummary(),
                claim.published() ? "/cases/" + claim.caseId() : null,
                highlights);
    }
}
