package org.factdesk.tipline;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmissionResult;
import org.factdesk.intake.SubmitItem;
import org.factdesk.matching.DeskMatch;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.matching.engine.Band;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Unit;
import org.factdesk.publishing.FactCheckPublished;
import org.factdesk.publishing.FactCheckWithdrawn;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.tipline.TiplineExceptions.InvalidTip;
import org.factdesk.tipline.TiplineExceptions.TooManyTips;
import org.factdesk.tipline.internal.PublicFactChecks;
import org.factdesk.tipline.internal.RateLimiter;
import org.factdesk.tipline.internal.SenderVault;
import org.factdesk.tipline.internal.Tips;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tipline's API, shared by every {@link TiplineConnector}: a tip becomes an item (intake recognises one already
 * stored), is matched against the checked claims, and is answered with the public fact-checks that match it at
 * least as well as matching's SUGGEST band, or with a thank-you and a reference. A tip that could not be answered
 * waits: when a fact-check is published for a case holding its item, the tipper gets it through the same channel.
 *
 * <p>Only public fact-checks are ever offered: those in the tipline's own copy, fed by publishing's events, never a
 * case still in work. The tipper's address on the channel is stored encrypted, only to send that later answer, and
 * erased after {@link TiplineProperties#senderRetention()}.
 */
@Service
public class TiplineService {

    public static final String WEB = "web";
    private static final Logger log = LoggerFactory.getLogger(TiplineService.class);
    private static final int MATCH_CANDIDATES = 10;
    private static final int MAX_LINKS = 10;
    private static final int MAX_CONTACT = 200;
    private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final IntakeManagement intake;
    private final MatchingManagement matching;
    private final NetworkManagement network;
    private final Tips tips;
    private final PublicFactChecks factChecks;
    private final SenderVault vault;
    private final TiplineProperties properties;
    private final Map<String, TiplineConnector> connectors;
    private final RateLimiter formLimiter;
    private final RateLimiter chatLimiter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TiplineService(
            IntakeManagement intake,
            MatchingManagement matching,
            NetworkManagement network,
            Tips tips,
            PublicFactChecks factChecks,
            SenderVault vault,
            TiplineProperties properties,
            List<TiplineConnector> connectors,
            Clock clock) {
        this.intake = intake;
        this.matching = matching;
        this.network = network;
        this.tips = tips;
        this.factChecks = factChecks;
        this.vault = vault;
        this.properties = properties;
        this.connectors = connectors.stream()
                .collect(Collectors.toUnmodifiableMap(TiplineConnector::channel, Function.identity()));
        this.formLimiter = new RateLimiter(properties.formLimit(), properties.formWindow(), clock);
        this.chatLimiter = new RateLimiter(properties.chatLimit(), properties.chatWindow(), clock);
        this.clock = clock;
    }

    /**
     * Receives a tip and answers it.
     *
     * @throws TooManyTips when its sender went over the abuse limit of the channel (nothing is stored)
     * @throws InvalidTip when it carries nothing, or too much (nothing is stored)
     */
    @Transactional
    public TipOutcome receive(IncomingTip tip) {
        if (tip.channelMessageId() != null) {
            Optional<Tips.Tip> earlier = tips.findByMessage(tip.channel(), tip.channelMessageId());
            if (earlier.isPresent()) {
                Tips.Tip stored = earlier.get();
                return new TipOutcome(stored.reference(), stored.item(), stored.language(), List.of(), true);
            }
        }
        RateLimiter limiter = tip.channel().equals(WEB) ? formLimiter : chatLimiter;
        RateLimiter.Decision decision = limiter.attempt(tip.channel() + ":" + vault.pseudonym(tip.abuseKey()));
        if (!decision.allowed()) {
            throw new TooManyTips(
                    decision.firstRefusal(), Math.max(1, limiter.window().toMinutes()));
        }
        String text = blankToNull(tip.text());
        List<String> links = links(tip.links());
        if (text == null && links.isEmpty() && tip.photo() == null) {
            throw new InvalidTip("tipline.error.empty");
        }
        if (text != null && text.length() > properties.maxTextLength()) {
            throw new InvalidTip("tipline.error.too-long", text.length(), properties.maxTextLength());
        }
        String contact = blankToNull(tip.contact());
        if (contact != null && contact.length() > MAX_CONTACT) {
            throw new InvalidTip("tipline.error.contact-too-long", MAX_CONTACT);
        }
        String url = links.isEmpty() ? null : links.get(0);
        String itemText = itemText(text, links, tip.photo());
        Language language = tip.languageHint() != null
                ? tip.languageHint()
                : Optional.ofNullable(Language.detect(text)).orElse(Language.VI);

        SubmissionResult submitted = intake.receiveTip(
                unit(),
                tip.channel(),
                new SubmitItem(null, url, null, itemText, tip.platform(), null, null, null, null));
        Item item = submitted.item();
        if (tip.photo() != null) {
            intake.attach(item.id(), tip.photo());
        }
        List<PublicFactCheck> answers = answers(item, text != null ? text : url);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String reference = reference();
        tips.insert(new Tips.Tip(
                id,
                reference,
                tip.channel(),
                tip.channelMessageId(),
                item.id(),
                language,
                tip.sender() == null ? null : vault.encrypt(tip.sender()),
                contact == null ? null : vault.encrypt(contact),
                answers.isEmpty() ? Tips.Status.WAITING : Tips.Status.ANSWERED,
                now,
                answers.isEmpty() ? null : now));
        for (PublicFactCheck answer : answers) {
            tips.recordDelivery(id, answer.caseId(), now);
        }
        return new TipOutcome(reference, item.id(), language, answers, false);
    }

    /** A stored tip by its reference. */
    @Transactional(readOnly = true)
    public Optional<Tip> find(String reference) {
        return tips.findByReference(reference.strip().toUpperCase(Locale.ROOT))
                .map(tip -> new Tip(
                        tip.reference(),
                        tip.channel(),
                        tip.item(),
                        tip.language(),
                        tip.status() == Tips.Status.ANSWERED,
                        tip.receivedAt()));
    }

    /** The public fact-check of a case, if it is published and not withdrawn. */
    @Transactional(readOnly = true)
    public Optional<PublicFactCheck> publicFactCheck(CaseId caseId) {
        return factChecks.published(caseId);
    }

    /**
     * A fact-check was published (or corrected): the tipline's copy follows, and on first publication every tipper
     * waiting with an item of its case gets it through their channel, once. A channel that fails leaves that tip
     * waiting and does not stop the others.
     */
    @Transactional
    public void published(FactCheckPublished event) {
        PublicFactCheck factCheck = new PublicFactCheck(
                event.caseId(),
                event.id(),
                absolute(event.url()),
                event.language(),
                event.headline(),
                event.claim(),
                event.rating(),
                event.publishedAt());
        factChecks.save(factCheck);
        if (event.correction()) {
            return;
        }
        for (Tips.Tip tip : tips.answerableAbout(event.items())) {
            TiplineConnector connector = connectors.get(tip.channel());
            if (connector == null || tip.sender() == null || tips.delivered(tip.id(), event.caseId())) {
                continue;
            }
            try {
                connector.deliver(
                        vault.decrypt(tip.sender()), new LaterAnswer(tip.reference(), tip.language(), factCheck));
                tips.recordDelivery(tip.id(), event.caseId(), clock.instant());
            } catch (RuntimeException failed) {
                log.warn(
                        "Could not send the fact-check of case {} for tip {} through {}: {}",
                        event.caseId(),
                        tip.reference(),
                        tip.channel(),
                        failed.toString());
            }
        }
    }

    @Transactional
    public void withdrawn(FactCheckWithdrawn event) {
        factChecks.withdraw(event.caseId(), event.withdrawnAt());
    }

    /** Erases the sender addresses and contacts older than the retention period; returns how many tips. */
    @Transactional
    public int eraseExpiredSenders() {
        Instant now = clock.instant();
        return eraseSendersReceivedBefore(now.minus(properties.senderRetention()));
    }

    @Transactional
    int eraseSendersReceivedBefore(Instant cutoff) {
        return tips.eraseSenders(cutoff, clock.instant());
    }

    /**
     * The public fact-checks that answer a tip, best first: its item's own case when that is published, then the
     * published cases of the matches in matching's AUTO and SUGGEST bands.
     */
    private List<PublicFactCheck> answers(Item item, @Nullable String text) {
        Set<CaseId> cases = new LinkedHashSet<>();
        if (item.caseId() != null) {
            cases.add(item.caseId());
        }
        if (MatchingManagement.matchable(text)) {
            for (DeskMatch match : matching.match(text, MATCH_CANDIDATES).matches()) {
                if (match.band() != Band.NONE) {
                    cases.add(match.caseId());
                }
            }
        }
        Map<CaseId, PublicFactCheck> published = new LinkedHashMap<>();
        for (PublicFactCheck factCheck : factChecks.published(cases)) {
            published.put(factCheck.caseId(), factCheck);
        }
        List<PublicFactCheck> answers = new ArrayList<>();
        for (CaseId caseId : cases) {
            PublicFactCheck factCheck = published.get(caseId);
            if (factCheck != null && answers.size() < properties.maxAnswers()) {
                answers.add(factCheck);
            }
        }
        return answers;
    }

    private UnitId unit() {
        List<Unit> units = network.units();
        String wanted = properties.unit().strip();
        Optional<Unit> unit = wanted.isEmpty()
                ? units.stream().min(Comparator.comparing(Unit::createdAt))
                : units.stream()
                        .filter(candidate -> candidate.name().equals(wanted))
                        .findFirst();
        return unit.map(Unit::id).orElseThrow(() -> new InvalidTip("tipline.error.no-unit"));
    }

    private List<String> links(List<String> given) {
        List<String> links = new ArrayList<>();
        for (String link : given) {
            String clean = blankToNull(link);
            if (clean == null || links.contains(clean)) {
                continue;
            }
            String lower = clean.toLowerCase(Locale.ROOT);
            links.add(lower.startsWith("http://") || lower.startsWith("https://") ? clean : "https://" + clean);
            if (links.size() == MAX_LINKS) {
                break;
            }
        }
        return links;
    }

    /** The item's text: what the tipper wrote, the further links, and for a photo alone, the photo's hash. */
    private static @Nullable String itemText(@Nullable String text, List<String> links, byte @Nullable [] photo) {
        StringBuilder itemText = new StringBuilder(text == null ? "" : text);
        for (String link : links.subList(Math.min(1, links.size()), links.size())) {
            if (text == null || !text.contains(link)) {
                itemText.append(itemText.isEmpty() ? "" : "\n").append(link);
            }
        }
        if (itemText.isEmpty() && links.isEmpty() && photo != null) {
            // A photo alone: the hash makes the same photo sent twice one item.
            itemText.append("Photo sent to the tipline, SHA-256 ").append(sha256(photo));
        }
        return itemText.isEmpty() ? null : itemText.toString();
    }

    private String absolute(String url) {
        String base = properties.publicBaseUrl().strip();
        if (base.isEmpty() || URI.create(url).isAbsolute()) {
            return url;
        }
        return base.replaceAll("/+$", "") + (url.startsWith("/") ? url : "/" + url);
    }

    private String reference() {
        StringBuilder reference = new StringBuilder("TIP-");
        for (int i = 0; i < 8; i++) {
            reference.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
        }
        return reference.toString();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
