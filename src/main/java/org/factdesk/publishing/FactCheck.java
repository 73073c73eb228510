package org.factdesk.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.PublishingExceptions.FourEyesRefused;
import org.factdesk.publishing.PublishingExceptions.IllegalFactCheckStep;
import org.factdesk.publishing.PublishingExceptions.InvalidFactCheckInput;
import org.factdesk.publishing.PublishingExceptions.NoProposal;
import org.factdesk.publishing.PublishingExceptions.ProposalPending;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.TextFolding;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The public article for an approved verdict. A draft is written from a PUBLISHED case and edited until an editor
 * who neither wrote nor last edited it publishes it. Once public, its words change only through a correction and it
 * leaves only through a withdrawal; both are proposed by one person and approved by another (four-eyes), and both
 * stay visible: the corrections history on the page, the withdrawn notice in place of nothing.
 *
 * <p>Roles are not checked here (that is {@link PublishingManagement}'s job); the four-eyes rule is, since it
 * concerns only the people named in the fact-check. Each step registers its event; the {@code FactChecks} repository
 * publishes them with the save.
 */
public class FactCheck {

    public static final int MAX_HEADLINE = 200;
    public static final int MAX_CLAIM = 1000;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_BODY = 50_000;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_SLUG = 100;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private final FactCheckId id;
    private final CaseId caseId;
    private final UnitId unit;
    private final Language language;
    private final Rating rating;
    private final List<String> topics;
    private final List<SourceLink> evidence;
    private final List<ItemId> items;
    private final List<Appearance> appearances;
    private final UserId draftedBy;
    private final Instant draftedAt;
    private String slug;
    private Article article;
    private FactCheckState state;
    private UserId editedBy;
    private @Nullable UserId publishedBy;
    private @Nullable Instant publishedAt;
    private Instant updatedAt;
    private @Nullable Withdrawal withdrawal;
    private @Nullable Proposal proposal;
    private final List<Correction> corrections;
    private long version;
    private final List<Object> events = new ArrayList<>();

    FactCheck(
            FactCheckId id,
            CaseId caseId,
            UnitId unit,
            String slug,
            Language language,
            FactCheckState state,
            Article article,
            Rating rating,
            List<String> topics,
            List<SourceLink> evidence,
            List<ItemId> items,
            List<Appearance> appearances,
            UserId draftedBy,
            Instant draftedAt,
            UserId editedBy,
            @Nullable UserId publishedBy,
            @Nullable Instant publishedAt,
            Instant updatedAt,
            @Nullable Withdrawal withdrawal,
            @Nullable Proposal proposal,
            List<Correction> corrections,
            long version) {
        this.id = id;
        this.caseId = caseId;
        this.unit = unit;
        this.slug = slug;
        this.language = language;
        this.state = state;
        this.article = article;
        this.rating = rating;
        this.topics = List.copyOf(topics);
        this.evidence = List.copyOf(evidence);
        this.items = List.copyOf(items);
        this.appearances = List.copyOf(appearances);
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
        this.editedBy = editedBy;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
        this.updatedAt = updatedAt;
        this.withdrawal = withdrawal;
        this.proposal = proposal;
        this.corrections = new ArrayList<>(corrections);
        this.version = version;
    }

    /**
     * A new draft. The verdict's rating, the case's topics, link evidence, items and their URLs come from the case;
     * the words are checked here.
     *
     * @throws InvalidFactCheckInput when a field is blank, too long, or the slug is malformed
     */
    static FactCheck draft(
            FactCheckId id,
            CaseId caseId,
            UnitId unit,
            String slug,
            Language language,
            Article article,
            Rating rating,
            List<String> topics,
            List<SourceLink> evidence,
            List<ItemId> items,
            List<Appearance> appearances,
            UserId by,
            Instant at) {
        return new FactCheck(
                id,
                caseId,
                unit,
                checkedSlug(slug),
                language,
                FactCheckState.DRAFT,
                checked(article),
                rating,
                topics,
                evidence,
                items,
                appearances,
                by,
                at,
                by,
                null,
                null,
                at,
                null,
                null,
                List.of(),
                0);
    }

    // --- steps ---

    /** Rewrites a draft (words and address). Whoever edits last counts as an author for the four-eyes rule. */
    void edit(Article revised, String newSlug, UserId by, Instant at) {
        require("edit", state == FactCheckState.DRAFT);
        article = checked(revised);
        slug = checkedSlug(newSlug);
        editedBy = by;
        updatedAt = at;
    }

    /**
     * DRAFT → PUBLISHED at {@code url}.
     *
     * @throws FourEyesRefused when the publisher wrote or last edited the draft
     */
    void publish(String url, UserId by, Instant at) {
        require("publish", state == FactCheckState.DRAFT);
        if (by.equals(draftedBy) || by.equals(editedBy)) {
            throw new FourEyesRefused();
        }
        state = FactCheckState.PUBLISHED;
        publishedBy = by;
        publishedAt = at;
        updatedAt = at;
        events.add(published(url, at, false));
    }

    /** Proposes new words for a public fact-check, saying what changes and why; a second editor approves. */
    void proposeCorrection(Article revised, String what, String why, UserId by, Instant at) {
        require("correct", state == FactCheckState.PUBLISHED);
        if (proposal != null) {
            throw new ProposalPending();
        }
        Article clean = checked(revised);
        if (clean.equals(article)) {
            throw new InvalidFactCheckInput("publishing.error.correction-unchanged");
        }
        proposal = new Proposal(
                Proposal.Kind.CORRECTION,
                clean,
                required(what, MAX_NOTE, "publishing.error.what-required", "publishing.error.note-too-long"),
                required(why, MAX_NOTE, "publishing.error.why-required", "publishing.error.note-too-long"),
                by,
                at);
    }

    /** Proposes to withdraw a public fact-check, saying why; a second editor approves. */
    void proposeWithdrawal(String reason, UserId by, Instant at) {
        require("withdraw", state == FactCheckState.PUBLISHED);
        if (proposal != null) {
            throw new ProposalPending();
        }
        proposal = new Proposal(
                Proposal.Kind.WITHDRAWAL,
                null,
                null,
                required(reason, MAX_NOTE, "publishing.error.reason-required", "publishing.error.note-too-long"),
                by,
                at);
    }

    /**
     * Approves the pending proposal: a correction goes public (the corrections history grows and
     * {@link FactCheckPublished} says {@code correction=true}), a withdrawal takes the fact-check off the listing,
     * feeds and sitemap while its page says why.
     *
     * @return the approved proposal
     * @throws FourEyesRefused when the approver proposed it
     */
    Proposal approveProposal(String url, UserId by, Instant at) {
        Proposal pending = proposal;
        if (pending == null) {
            throw new NoProposal();
        }
        require("approve", state == FactCheckState.PUBLISHED);
        if (pending.proposedBy().equals(by)) {
            throw new FourEyesRefused();
        }
        proposal = null;
        updatedAt = at;
        if (pending.kind() == Proposal.Kind.CORRECTION) {
            article = Objects.requireNonNull(pending.revised());
            corrections.add(new Correction(
                    Objects.requireNonNull(pending.what()), pending.why(), pending.proposedBy(), by, at));
            events.add(published(url, at, true));
        } else {
            state = FactCheckState.WITHDRAWN;
            withdrawal = new Withdrawal(pending.why(), by, at);
            events.add(new FactCheckWithdrawn(id, caseId, url, pending.why(), at));
        }
        return pending;
    }

    /** Drops the pending proposal (its author changed their mind, or an editor refused it). */
    void discardProposal() {
        if (proposal == null) {
            throw new NoProposal();
        }
        proposal = null;
    }

    private FactCheckPublished published(String url, Instant at, boolean correction) {
        return new FactCheckPublished(
                id, caseId, unit, url, language, article.headline(), article.claim(), rating, items, at, correction);
    }

    // --- rules ---

    /** A readable address from a headline: folded to ASCII, words joined by hyphens, at most {@link #MAX_SLUG}. */
    public static String slugOf(String headline) {
        String folded = NOT_SLUG.matcher(TextFolding.fold(headline).toLowerCase(Locale.ROOT))
                .replaceAll("-");
        String trimmed = folded.replaceAll("^-+|-+$", "");
        if (trimmed.length() > MAX_SLUG - 8) {
            trimmed = trimmed.substring(0, MAX_SLUG - 8).replaceAll("-[^-]*$", "");
        }
        return trimmed.isEmpty() ? "fact-check" : trimmed;
    }

    static String checkedSlug(@Nullable String slug) {
        String clean = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (clean.isEmpty()) {
            throw new InvalidFactCheckInput("publishing.error.slug-required");
        }
        if (clean.length() > MAX_SLUG || !SLUG.matcher(clean).matches()) {
            throw new InvalidFactCheckInput("publishing.error.slug-format", MAX_SLUG);
        }
        return clean;
    }

    static Article checked(Article article) {
        return new Article(
                required(
                        article.headline(),
                        MAX_HEADLINE,
                        "publishing.error.headline-required",
                        "publishing.error.headline-too-long"),
                required(
                        article.claim(),
                        MAX_CLAIM,
                        "publishing.error.claim-required",
                        "publishing.error.claim-too-long"),
                required(
                        article.summary(),
                        MAX_SUMMARY,
                        "publishing.error.summary-required",
                        "publishing.error.summary-too-long"),
                required(article.body(), MAX_BODY, "publishing.error.body-required", "publishing.error.body-too-long"));
    }

    private static String required(@Nullable String text, int max, String missingKey, String tooLongKey) {
        if (text == null || text.isBlank()) {
            throw new InvalidFactCheckInput(missingKey);
        }
        String clean = text.strip().replace("\r\n", "\n");
        if (clean.length() > max) {
            throw new InvalidFactCheckInput(tooLongKey, max);
        }
        return clean;
    }

    private void require(String step, boolean allowed) {
        if (!allowed) {
            throw new IllegalFactCheckStep(step, state);
        }
    }

    // --- reading ---

    public FactCheckId id() {
        return id;
    }

    public CaseId caseId() {
        return caseId;
    }

    public UnitId unit() {
        return unit;
    }

    public String slug() {
        return slug;
    }

    public Language language() {
        return language;
    }

    public FactCheckState state() {
        return state;
    }

    public Article article() {
        return article;
    }

    public Rating rating() {
        return rating;
    }

    public List<String> topics() {
        return topics;
    }

    public List<SourceLink> evidence() {
        return evidence;
    }

    public List<ItemId> items() {
        return items;
    }

    public List<Appearance> appearances() {
        return appearances;
    }

    public UserId draftedBy() {
        return draftedBy;
    }

    public Instant draftedAt() {
        return draftedAt;
    }

    public UserId editedBy() {
        return editedBy;
    }

    public @Nullable UserId publishedBy() {
        return publishedBy;
    }

    public @Nullable Instant publishedAt() {
        return publishedAt;
    }

    /** When the page last changed in public (publication, a correction, the withdrawal); for drafts the last edit. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Withdrawal withdrawal() {
        return withdrawal;
    }

    public @Nullable Proposal proposal() {
        return proposal;
    }

    /** The published corrections, oldest first. */
    public List<Correction> corrections() {
        return List.copyOf(corrections);
    }

    public long version() {
        return version;
    }

    /** Whether the public can read the page (published, or withdrawn with its notice). */
    public boolean isPublic() {
        return state != FactCheckState.DRAFT;
    }

    // --- for the repository ---

    boolean isNew() {
        return version == 0;
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    void saved(long newVersion) {
        version = newVersion;
        events.clear();
    }
}
