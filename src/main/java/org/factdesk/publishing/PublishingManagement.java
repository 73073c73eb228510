package org.factdesk.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseAction;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CaseState;
import org.factdesk.cases.Claim;
import org.factdesk.cases.EvidenceKind;
import org.factdesk.cases.Verdict;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.publishing.PublishingExceptions.CaseNotApproved;
import org.factdesk.publishing.PublishingExceptions.FactCheckNotFound;
import org.factdesk.publishing.PublishingExceptions.InvalidFactCheckInput;
import org.factdesk.publishing.PublishingExceptions.LanguageTaken;
import org.factdesk.publishing.PublishingExceptions.OtherUnitFactCheck;
import org.factdesk.publishing.PublishingExceptions.RoleRequired;
import org.factdesk.publishing.PublishingExceptions.SlugTaken;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publishing module's API. Desk methods act for a {@link CurrentUser} of the fact-check's unit: a CHECKER drafts,
 * edits and proposes corrections and withdrawals; an EDITOR publishes and approves (never their own draft or
 * proposal). Publishing, an approved correction and an approved withdrawal are recorded in the case history in the
 * same transaction, and raise {@link FactCheckPublished} / {@link FactCheckWithdrawn}. Public reads take no actor and
 * see only published and withdrawn fact-checks.
 */
@Service
@Transactional
public class PublishingManagement {

    public static final int MAX_PAGE_SIZE = 100;

    private final FactChecks factChecks;
    private final CaseManagement cases;
    private final NetworkManagement network;
    private final PublishingProperties properties;
    private final Clock clock;

    /** How many ranked cases a public search considers. */
    private static final int SEARCH_DEPTH = 200;

    private final ObjectProvider<FactCheckSearch> search;

    PublishingManagement(
            FactChecks factChecks,
            CaseManagement cases,
            NetworkManagement network,
            PublishingProperties properties,
            Clock clock,
            ObjectProvider<FactCheckSearch> search) {
        this.search = search;
        this.factChecks = factChecks;
        this.cases = cases;
        this.network = network;
        this.properties = properties;
        this.clock = clock;
    }

    // --- desk ---

    /**
     * A first version of the article for a published case in {@code language}: the claim in that language (else the
     * first), the verdict's summary, a body that restates it and lists the sources, and an address from the claim.
     *
     * @throws CaseNotApproved when the case's verdict was not approved
     */
    @Transactional(readOnly = true)
    public Suggestion suggest(CurrentUser actor, CaseId caseId, Language language) {
        Case kase = approvedCase(actor, caseId);
        Verdict verdict = kase.verdict();
        String claim = claimIn(kase, language);
        String headline = shorten(claim, FactCheck.MAX_HEADLINE);
        StringBuilder body = new StringBuilder(verdict == null ? "" : verdict.summary()).append("\n");
        kase.evidence().stream()
                .filter(evidence -> evidence.kind() == EvidenceKind.LINK && evidence.url() != null)
                .forEach(evidence -> body.append("\n- [")
                        .append(markdownText(evidence.title() == null ? evidence.url() : evidence.title()))
                        .append("](")
                        .append(evidence.url())
                        .append(")"));
        return new Suggestion(
                new Article(
                        headline,
                        claim,
                        verdict == null ? "" : verdict.summary(),
                        body.toString().strip()),
                uniqueSlug(FactCheck.slugOf(headline), null));
    }

    /** A proposed article and address for a new draft. */
    public record Suggestion(Article article, String slug) {}

    /**
     * Writes the draft of the case's fact-check in {@code language}, taking the rating, topics, link evidence and
     * items from the case. A blank slug is made from the headline.
     *
     * @throws CaseNotApproved when the case is not PUBLISHED
     * @throws LanguageTaken when the case has a fact-check in that language already
     */
    public FactCheck draft(
            CurrentUser actor, CaseId caseId, Language language, Article article, @Nullable String slug) {
        Case kase = approvedCase(actor, caseId);
        requireRole(actor, kase.unit(), Role.CHECKER);
        if (factChecks.ofCase(caseId).stream().anyMatch(existing -> existing.language() == language)) {
            throw new LanguageTaken();
        }
        Article checked = FactCheck.checked(article);
        String address = slug == null || slug.isBlank()
                ? uniqueSlug(FactCheck.slugOf(checked.headline()), null)
                : requireFreeSlug(FactCheck.checkedSlug(slug), null);
        List<Item> items = cases.items(kase);
        FactCheck factCheck = FactCheck.draft(
                FactCheckId.random(),
                kase.id(),
                kase.unit(),
                address,
                language,
                checked,
                kase.verdict().rating(),
                kase.topics(),
                kase.evidence().stream()
                        .filter(evidence -> evidence.kind() == EvidenceKind.LINK && evidence.url() != null)
                        .map(evidence -> new SourceLink(
                                evidence.title() == null ? evidence.url() : evidence.title(),
                                evidence.url(),
                                evidence.summary()))
                        .toList(),
                items.stream().map(Item::id).toList(),
                items.stream()
                        .filter(item -> item.url() != null)
                        .map(item -> new Appearance(item.url(), item.platform(), item.seenAt()))
                        .toList(),
                actor.id(),
                now());
        factChecks.save(factCheck);
        return factCheck;
    }

    /** A fact-check of one of the actor's units, in any state. */
    @Transactional(readOnly = true)
    public FactCheck get(CurrentUser actor, FactCheckId id) {
        FactCheck factCheck = factChecks.find(id).orElseThrow(FactCheckNotFound::new);
        if (!actor.isMemberOf(factCheck.unit())) {
            throw new OtherUnitFactCheck();
        }
        return factCheck;
    }

    /** The fact-checks of a case the actor may read. */
    @Transactional(readOnly = true)
    public List<FactCheckSummary> ofCase(CurrentUser actor, CaseId caseId) {
        cases.get(actor, caseId);
        return factChecks.ofCase(caseId);
    }

    /** The latest fact-checks of the actor's units, any state (the desk's list). */
    @Transactional(readOnly = true)
    public List<FactCheckSummary> ofMyUnits(CurrentUser actor, int limit) {
        return factChecks.ofUnits(List.copyOf(actor.units()), Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    public FactCheck edit(CurrentUser actor, FactCheckId id, Article article, String slug) {
        return change(actor, id, Role.CHECKER, factCheck -> {
            String address = requireFreeSlug(FactCheck.checkedSlug(slug), factCheck.id());
            factCheck.edit(article, address, actor.id(), now());
        });
    }

    /** DRAFT → PUBLISHED, by an editor who did not write the draft; recorded in the case history. */
    public FactCheck publish(CurrentUser actor, FactCheckId id) {
        FactCheck factCheck =
                change(actor, id, Role.EDITOR, changed -> changed.publish(url(changed), actor.id(), now()));
        cases.recordFactCheckStep(
                actor,
                factCheck.caseId(),
                CaseAction.PUBLISH_FACT_CHECK,
                factCheck.article().headline(),
                null);
        return factCheck;
    }

    public FactCheck proposeCorrection(CurrentUser actor, FactCheckId id, Article revised, String what, String why) {
        return change(
                actor,
                id,
                Role.CHECKER,
                factCheck -> factCheck.proposeCorrection(revised, what, why, actor.id(), now()));
    }

    public FactCheck proposeWithdrawal(CurrentUser actor, FactCheckId id, String reason) {
        return change(actor, id, Role.CHECKER, factCheck -> factCheck.proposeWithdrawal(reason, actor.id(), now()));
    }

    /** Approves the pending correction or withdrawal (not the proposer's own); recorded in the case history. */
    public FactCheck approveProposal(CurrentUser actor, FactCheckId id) {
        Proposal[] approved = new Proposal[1];
        FactCheck factCheck = change(
                actor,
                id,
                Role.EDITOR,
                changed -> approved[0] = changed.approveProposal(url(changed), actor.id(), now()));
        Proposal proposal = approved[0];
        boolean correction = proposal.kind() == Proposal.Kind.CORRECTION;
        cases.recordFactCheckStep(
                actor,
                factCheck.caseId(),
                correction ? CaseAction.CORRECT_FACT_CHECK : CaseAction.WITHDRAW_FACT_CHECK,
                factCheck.article().headline(),
                correction ? proposal.what() + " — " + proposal.why() : proposal.why());
        return factCheck;
    }

    /** Drops the pending proposal: its author or an editor may. */
    public FactCheck discardProposal(CurrentUser actor, FactCheckId id) {
        FactCheck factCheck = factChecks.find(id).orElseThrow(FactCheckNotFound::new);
        Proposal proposal = factCheck.proposal();
        boolean own = proposal != null && proposal.proposedBy().equals(actor.id());
        return change(actor, id, own ? Role.CHECKER : Role.EDITOR, FactCheck::discardProposal);
    }

    // --- public site ---

    /** The public page at {@code slug}: published or withdrawn, never a draft. */
    @Transactional(readOnly = true)
    public Optional<FactCheck> publicPage(String slug) {
        return factChecks.findBySlug(slug).filter(FactCheck::isPublic);
    }

    /** Published fact-checks matching {@code query}, newest first. */
    @Transactional(readOnly = true)
    public PageOf<FactCheckSummary> published(PublicQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidFactCheckInput("publishing.error.page", MAX_PAGE_SIZE);
        }
        FactCheckSearch ranking = search.getIfAvailable();
        if (ranking != null && query.text() != null && !query.text().isBlank()) {
            // Ranked by the matching analysis (teencode, no diacritics, stemming); the other filters still apply.
            List<CaseId> ranked = ranking.rank(query.text(), SEARCH_DEPTH);
            List<FactCheckSummary> found = factChecks.publishedOf(query, ranked);
            if (!found.isEmpty()) {
                int from = (int) Math.min((long) page * size, found.size());
                return new PageOf<>(found.subList(from, Math.min(found.size(), from + size)), page, size, found.size());
            }
        }
        return factChecks.published(query, page, size);
    }

    /** Every published fact-check, newest first (the sitemap). */
    @Transactional(readOnly = true)
    public List<FactCheckSummary> allPublished() {
        return factChecks.published(PublicQuery.all(), 0, Integer.MAX_VALUE / 2).content();
    }

    @Transactional(readOnly = true)
    public List<String> publishedTopics() {
        return factChecks.publishedTopics();
    }

    /** When the public site last changed (null before the first publication): for conditional requests. */
    @Transactional(readOnly = true)
    public PublicState publicState() {
        FactChecks.PublicVersion version = factChecks.publicVersion();
        return new PublicState(version.latest(), version.pages());
    }

    /** How the public site stands: its last change and the number of public pages. */
    public record PublicState(@Nullable Instant lastChange, long pages) {}

    /** The name of the unit that publishes the fact-check. */
    @Transactional(readOnly = true)
    public String publisherName(FactCheck factCheck) {
        return network.findUnit(factCheck.unit()).map(Unit::name).orElse("");
    }

    public String url(FactCheck factCheck) {
        return properties.factCheckUrl(factCheck.slug());
    }

    public PublishingProperties properties() {
        return properties;
    }

    // --- helpers ---

    private Case approvedCase(CurrentUser actor, CaseId caseId) {
        Case kase = cases.get(actor, caseId);
        if (!actor.isMemberOf(kase.unit())) {
            throw new OtherUnitFactCheck();
        }
        Verdict verdict = kase.verdict();
        if (kase.state() != CaseState.PUBLISHED || verdict == null || !verdict.approved()) {
            throw new CaseNotApproved();
        }
        return kase;
    }

    private FactCheck change(CurrentUser actor, FactCheckId id, Role role, Consumer<FactCheck> step) {
        FactCheck factCheck = factChecks.find(id).orElseThrow(FactCheckNotFound::new);
        if (!actor.isMemberOf(factCheck.unit())) {
            throw new OtherUnitFactCheck();
        }
        requireRole(actor, factCheck.unit(), role);
        step.accept(factCheck);
        factChecks.save(factCheck);
        return factCheck;
    }

    private static void requireRole(CurrentUser actor, UnitId unit, Role role) {
        if (!actor.hasRole(unit, role)) {
            throw new RoleRequired(role);
        }
    }

    private String uniqueSlug(String base, @Nullable FactCheckId except) {
        String candidate = base;
        for (int n = 2; factChecks.slugTaken(candidate, except); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private String requireFreeSlug(String slug, @Nullable FactCheckId except) {
        if (factChecks.slugTaken(slug, except)) {
            throw new SlugTaken(slug);
        }
        return slug;
    }

    private static String claimIn(Case kase, Language language) {
        return kase.claims().stream()
                .filter(claim -> claim.language() == language)
                .map(Claim::text)
                .findFirst()
                .orElse(kase.claims().get(0).text());
    }

    private static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    private static String markdownText(String text) {
        return text.replaceAll("([\\[\\]\\\\*_`])", "\\\\$1");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
