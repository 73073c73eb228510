package org.factdesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.factdesk.intake.IntakeExceptions.ClusterNotFound;
import org.factdesk.intake.IntakeExceptions.IllegalItemChange;
import org.factdesk.intake.IntakeExceptions.InvalidItem;
import org.factdesk.intake.IntakeExceptions.ItemNotFound;
import org.factdesk.intake.internal.Attachments;
import org.factdesk.intake.internal.Clusters;
import org.factdesk.intake.internal.ItemBatches;
import org.factdesk.intake.internal.Items;
import org.factdesk.intake.internal.NearDuplicateFingerprint;
import org.factdesk.intake.internal.TextFingerprint;
import org.factdesk.intake.internal.UrlNormalizer;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Forbidden;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake's API: log an item (recognising one already stored), read and search items, and follow their status as
 * cases take them up. Items are readable by every user of the network; logging one needs the CHECKER role.
 */
@Service
public class IntakeManagement {

    private static final Duration CLOCK_SKEW = Duration.ofDays(1);
    private static final int MAX_TITLE = 500;
    private static final int MAX_PAGE_SIZE = 100;
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\uFFFD");

    private final Items items;
    private final ItemBatches batches;
    private final Attachments attachments;
    private final NetworkManagement network;
    private final IntakeProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Clusters clusters;
    private final ZoneId zone;

    IntakeManagement(
            Items items,
            ItemBatches batches,
            Attachments attachments,
            Clusters clusters,
            NetworkManagement network,
            IntakeProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${factdesk.time-zone:Asia/Ho_Chi_Minh}") String timeZone) {
        this.items = items;
        this.batches = batches;
        this.attachments = attachments;
        this.clusters = clusters;
        this.zone = ZoneId.of(timeZone);
        this.network = network;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Logs an item, or recognises it: the same normalised URL, or the same normalised text, as an item already
     * stored returns that item with {@code duplicate = true} and counts the sighting instead of storing it again.
     *
     * <p>A new item joins the {@link Cluster} of its most similar near duplicate (see {@link NearDuplicateFingerprint};
     * title and text are compared, an item with only a URL starts a cluster of its own), or starts a new one. An
     * exact duplicate counts as one more copy of its original's cluster. The item, its cluster's counts, the sighting
     * and the fingerprint are written in one transaction: there is never a half-written cluster. Two near duplicates
     * submitted at the same instant may each miss the other (neither is committed when the other looks) and start two
     * clusters; that is accepted: the cost of a lock on every lookup is not worth an occasional extra cluster.
     */
    public SubmissionResult submit(CurrentUser actor, SubmitItem submission) {
        return store(unitFor(actor, submission.unit()), actor.id(), null, submission);
    }

    /**
     * Logs a tip from the public that came through a tipline channel ({@code web}, {@code telegram}, ...), for
     * {@code unit}, with no desk user as submitter. The same rules as {@link #submit} apply, duplicates included;
     * the caller (the tipline) has done its own abuse checks. Nothing about the tipper is stored on the item.
     */
    public SubmissionResult receiveTip(UnitId unit, String channel, SubmitItem submission) {
        if (channel.isBlank() || channel.length() > 30) {
            throw new IllegalArgumentException("A tip channel is a short name, not '" + channel + "'");
        }
        network.unit(unit);
        return store(unit, null, channel, submission);
    }

    /** The channel recorded on items that came from a monitored RSS/Atom feed. */
    public static final String FEED_CHANNEL = "feed";

    /**
     * Logs an entry of a monitored RSS/Atom feed of {@code unit}, with no desk user as submitter and the channel
     * {@link #FEED_CHANNEL}. The same rules as {@link #submit} apply, duplicates included: an entry whose normalised
     * URL or text is already stored returns that item with {@code duplicate = true}.
     */
    public SubmissionResult receiveFromFeed(UnitId unit, SubmitItem submission) {
        network.unit(unit);
        return store(unit, null, FEED_CHANNEL, submission);
    }

    /**
     * Attaches a file that arrived with an item (a photo sent to the tipline): stored once under the data directory
     * by its SHA-256, recorded with the item. Attaching the same content again returns the attachment already there.
     *
     * @throws InvalidItem when it is empty, too large, or not an image (JPEG, PNG, GIF, WebP)
     */
    @Transactional
    public ItemAttachment attach(ItemId item, byte[] content) {
        get(item);
        return attachments.attach(item, content, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<ItemAttachment> attachments(ItemId item) {
        return attachments.of(item);
    }

    private SubmissionResult store(
            UnitId unit, @Nullable UserId submitter, @Nullable String channel, SubmitItem submission) {
        Prepared prepared = prepare(unit, submitter, channel, submission, clock.instant());
        Item item = prepared.item();
        String key = prepared.urlKey();
        String textHash = prepared.textHash();
        Optional<NearDuplicateFingerprint> fingerprint = prepared.fingerprint();
        for (int attempt = 1; ; attempt++) {
            try {
                return storeOnce(item, key, textHash, fingerprint);
            } catch (PessimisticLockingFailureException deadlock) {
                // Two submissions of overlapping content (the same text, the same cluster) can each hold what the
                // other waits for; PostgreSQL then aborts one of them. Its transaction wrote nothing, so it is run
                // again, and then finds the other's item or cluster committed.
                if (attempt == MAX_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private static final int MAX_ATTEMPTS = 3;

    private SubmissionResult storeOnce(
            Item item,
            @Nullable String key,
            @Nullable String textHash,
            Optional<NearDuplicateFingerprint> fingerprint) {
        Instant seenAt = item.seenAt();
        Instant now = item.receivedAt();
        try {
            return transactions.execute(status -> {
                Optional<Item> existing = items.findDuplicate(key, textHash);
                if (existing.isPresent()) {
                    return countCopy(existing.get().id(), seenAt);
                }
                Optional<ClusterId> near = fingerprint.flatMap(clusters::findNearest);
                ClusterId cluster = near.orElseGet(ClusterId::random);
                if (near.isPresent()) {
                    clusters.count(cluster, seenAt, true, now);
                } else {
                    clusters.create(cluster, item.id(), seenAt, now);
                }
                items.insert(item, key, textHash, cluster);
                clusters.recordSighting(item.id(), cluster, seenAt);
                fingerprint.ifPresent(print -> clusters.storeFingerprint(item.id(), cluster, print));
                events.publishEvent(new ItemReceived(item.id(), item.unit(), item.platform(), item.language()));
                return new SubmissionResult(item, false);
            });
        } catch (DuplicateKeyException race) {
            // Another submission of the same content committed between our check and our insert.
            return transactions.execute(status -> {
                Item existing = items.findDuplicate(key, textHash).orElseThrow(() -> race);
                return countCopy(existing.id(), seenAt);
            });
        }
    }

    /** A checked submission, ready to store: the item with its duplicate keys and near-duplicate fingerprint. */
    private record Prepared(
            Item item,
            @Nullable String urlKey,
            @Nullable String textHash,
            Optional<NearDuplicateFingerprint> fingerprint) {}

    /** Checks a submission and builds its item, received {@code now}; refuses it with {@link InvalidItem}. */
    private Prepared prepare(
            UnitId unit, @Nullable UserId submitter, @Nullable String channel, SubmitItem submission, Instant now) {
        String typed = blankToNull(submission.url());
        String url = typed == null ? null : UrlNormalizer.withoutUserInfo(typed);
        String text = blankToNull(submission.text());
        if (url == null && text == null) {
            throw new InvalidItem("intake.error.url-or-text");
        }
        String urlKey = null;
        if (url != null) {
            urlKey = UrlNormalizer.normalize(url)
                    .orElseThrow(() -> new InvalidItem("intake.error.invalid-url", abbreviate(url)));
        }
        if (text != null && text.length() > properties.maxTextLength()) {
            throw new InvalidItem("intake.error.text-too-long", text.length(), properties.maxTextLength());
        }
        String title = blankToNull(submission.title());
        if (title != null && title.length() > MAX_TITLE) {
            throw new InvalidItem("intake.error.title-too-long", MAX_TITLE);
        }
        String note = blankToNull(submission.note());
        if (note != null && note.length() > properties.maxNoteLength()) {
            throw new InvalidItem("intake.error.note-too-long", properties.maxNoteLength());
        }
        Instant seenAt = submission.seenAt() == null ? now : submission.seenAt();
        if (seenAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidItem("intake.error.seen-in-future");
        }
        Language language = submission.language() != null
                ? submission.language()
                : Optional.ofNullable(Language.detect(joined(title, text))).orElse(Language.VI);
        String textHash = text == null ? null : TextFingerprint.of(text);
        Item item = new Item(
                ItemId.random(),
                unit,
                url,
                title,
                text,
                submission.platform(),
                language,
                seenAt,
                submission.engagement() == null ? Engagement.UNKNOWN : submission.engagement(),
                note,
                ItemStatus.NEW,
                null,
                submitter,
                now,
                1,
                channel);
        Optional<NearDuplicateFingerprint> fingerprint = NearDuplicateFingerprint.ofItem(title, text);
        return new Prepared(item, urlKey, textHash, fingerprint);
    }

    /**
     * Logs a batch of submissions for {@code unit} in the caller's transaction (one is started when there is none),
     * with the same rules as {@link #submit}: each is refused, recognised as a duplicate, or stored in the cluster of
     * its nearest near duplicate, whether that was stored before or comes earlier in the same batch. The caller has
     * checked that whoever asked may log items for the unit ({@code submitter} is empty for the command line).
     *
     * <p>Made for bulk imports: the duplicates and the near-duplicate candidates of the whole batch are looked up in a
     * few queries, and items, clusters, sightings and fingerprints are written with JDBC batch statements; one
     * {@link ItemsImported} is raised for the new items instead of one {@link ItemReceived} each. A submission that
     * races with another one of the same content makes the transaction fail with a {@code DuplicateKeyException};
     * running the batch again then recognises the duplicate.
     *
     * @return one outcome per submission, in order
     */
    @Transactional
    public List<BatchOutcome> submitBatch(UnitId unit, @Nullable UserId submitter, List<SubmitItem> submissions) {
        return store(checkBatch(unit, submitter, submissions));
    }

    /**
     * Checks a batch of submissions and builds their items, received now, without touching the database: the part of
     * {@link #submitBatch} that needs no transaction, so that a bulk import can check the next batch on another thread
     * while this one is stored ({@link #submitBatch(CheckedBatch)}). Safe to call from any thread.
     */
    public CheckedBatch checkBatch(UnitId unit, @Nullable UserId submitter, List<SubmitItem> submissions) {
        Instant now = clock.instant();
        // A refusal per refused submission; null where the submission is to be stored.
        List<BatchOutcome> refusals = new ArrayList<>(submissions.size());
        List<Prepared> accepted = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                accepted.add(prepare(unit, submitter, null, submissions.get(i), now));
                positions.add(i);
                refusals.add(null);
            } catch (InvalidItem refused) {
                refusals.add(BatchOutcome.refused(refused));
            }
        }
        return new CheckedBatch(unit, now, refusals, accepted, positions);
    }

    /**
     * Stores a batch checked by {@link #checkBatch}, as {@link #submitBatch(UnitId, UserId, List)} does. A batch can
     * be stored again after its transaction rolled back (a {@code DuplicateKeyException}): its items keep their ids.
     *
     * @return one outcome per submission, in order
     */
    @Transactional
    public List<BatchOutcome> submitBatch(CheckedBatch batch) {
        return store(batch);
    }

    private List<BatchOutcome> store(CheckedBatch batch) {
        List<ItemBatches.Entry> entries = batch.accepted.stream()
                .map(prepared -> new ItemBatches.Entry(
                        prepared.item(), prepared.urlKey(), prepared.textHash(), prepared.fingerprint()))
                .toList();
        ItemBatches.Stored stored = batches.store(entries, batch.now);
        List<BatchOutcome> outcomes = new ArrayList<>(batch.refusals);
        for (int i = 0; i < batch.accepted.size(); i++) {
            outcomes.set(
                    batch.positions.get(i), BatchOutcome.stored(stored.items().get(i), stored.duplicate()[i]));
        }
        if (!stored.created().isEmpty()) {
            events.publishEvent(new ItemsImported(stored.created(), batch.unit));
        }
        return outcomes;
    }

    /** A batch of submissions checked by {@link #checkBatch}, to store with {@link #submitBatch(CheckedBatch)}. */
    public static final class CheckedBatch {
        private final UnitId unit;
        private final Instant now;
        private final List<BatchOutcome> refusals;
        private final List<Prepared> accepted;
        private final List<Integer> positions;

        private CheckedBatch(
                UnitId unit,
                Instant now,
                List<BatchOutcome> refusals,
                List<Prepared> accepted,
                List<Integer> positions) {
            this.unit = unit;
            this.now = now;
            this.refusals = refusals;
            this.accepted = accepted;
            this.positions = positions;
        }
    }

    /**
     * Fingerprints the items stored before near-duplicate clusters existed (the migration that added clusters left
     * each in a cluster of its own, without a fingerprint), the oldest received first, and clusters each as if it
     * were submitted now: an item alone in its cluster joins the cluster of its most similar near duplicate, with its
     * copies and sightings. Safe to run at any time and more than once: each item is fingerprinted and moved in one
     * transaction, items fingerprinted meanwhile are skipped, and an interrupted run is taken up by the next one.
     * Items whose text is too short for a fingerprint are left as they are.
     *
     * @return how many items were fingerprinted, and how many of them joined another cluster
     */
    public Backfill fingerprintMissing() {
        int fingerprinted = 0;
        int joined = 0;
        Clusters.Unprinted after = null;
        List<Clusters.Unprinted> batch;
        do {
            batch = clusters.withoutFingerprint(after, properties.fingerprintBatch());
            for (Clusters.Unprinted item : batch) {
                Optional<NearDuplicateFingerprint> print = NearDuplicateFingerprint.ofItem(item.title(), item.text());
                if (print.isPresent()) {
                    Boolean moved;
                    try {
                        moved = transactions.execute(status -> fingerprint(item, print.get()));
                    } catch (DuplicateKeyException race) {
                        moved = null; // fingerprinted by another run at the same time
                    }
                    if (moved != null) {
                        fingerprinted++;
                        joined += moved ? 1 : 0;
                    }
                }
                after = item;
            }
        } while (batch.size() == properties.fingerprintBatch());
        return new Backfill(fingerprinted, joined);
    }

    /** What {@link #fingerprintMissing()} did. */
    public record Backfill(int fingerprinted, int joined) {}

    /** Null when the item has a fingerprint already; else whether it joined another cluster. */
    private @Nullable Boolean fingerprint(Clusters.Unprinted item, NearDuplicateFingerprint print) {
        if (clusters.hasFingerprint(item.id())) {
            return null;
        }
        Optional<ClusterId> near = clusters.findNearest(print);
        boolean move = near.isPresent() && !near.get().equals(item.cluster()) && clusters.itemsIn(item.cluster()) == 1;
        if (move) {
            clusters.moveAlone(item.id(), item.cluster(), near.get());
        }
        clusters.storeFingerprint(item.id(), move ? near.get() : item.cluster(), print);
        return move;
    }

    /** An exact duplicate: one more sighting of the item, one more copy in its cluster. */
    private SubmissionResult countCopy(ItemId id, Instant seenAt) {
        items.countSighting(id);
        ClusterId cluster = clusters.clusterOf(id).orElseThrow(() -> new ItemNotFound(id));
        clusters.count(cluster, seenAt, false, clock.instant());
        clusters.recordSighting(id, cluster, seenAt);
        return new SubmissionResult(items.find(id).orElseThrow(), true);
    }

    /** A near-duplicate cluster with its items and copies per day; see {@link Cluster}. */
    @Transactional(readOnly = true)
    public Cluster cluster(ClusterId id) {
        Clusters.ClusterRow row = clusters.find(id).orElseThrow(() -> new ClusterNotFound(id));
        List<Item> members = items.findByCluster(id);
        TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
        for (Clusters.Sighting sighting : clusters.sightings(id)) {
            perDay.merge(LocalDate.ofInstant(sighting.seenAt(), zone), sighting.copies(), Integer::sum);
        }
        return new Cluster(
                row.id(),
                row.firstItem(),
                row.firstSeen(),
                row.lastSeen(),
                row.copies(),
                members,
                perDay.entrySet().stream()
                        .map(day -> new DailyCount(day.getKey(), day.getValue()))
                        .toList());
    }

    /** The cluster an item belongs to; every item belongs to one (alone in it when it has no near duplicate). */
    @Transactional(readOnly = true)
    public Cluster clusterOf(ItemId item) {
        return cluster(clusters.clusterOf(item).orElseThrow(() -> new ItemNotFound(item)));
    }

    /** The clusters of these items in short, for lists; items not found are left out. */
    @Transactional(readOnly = true)
    public Map<ItemId, ClusterSummary> clusterSummaries(Collection<ItemId> ids) {
        return clusters.summaries(ids);
    }

    @Transactional(readOnly = true)
    public Item get(ItemId id) {
        return items.find(id).orElseThrow(() -> new ItemNotFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(ItemId id) {
        return items.find(id);
    }

    @Transactional(readOnly = true)
    public List<Item> findAll(Collection<ItemId> ids) {
        return items.findAll(ids);
    }

    /** One page of items, newest first. */
    @Transactional(readOnly = true)
    public PageOf<Item> search(ItemQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidItem("intake.error.page", MAX_PAGE_SIZE);
        }
        return items.search(query, page, size);
    }

    /**
     * One page of the inbox: one row per rumour (the items of a near-duplicate cluster that match the filters) or
     * single item, the most recently received first. One query a page; see {@link InboxRow}.
     */
    @Transactional(readOnly = true)
    public PageOf<InboxRow> inbox(ItemQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidItem("intake.error.page", MAX_PAGE_SIZE);
        }
        return items.inbox(query, page, size, InboxRow.DAYS).map(this::inboxRow);
    }

    private InboxRow inboxRow(Items.InboxEntry entry) {
        List<DailyCount> days = List.of();
        if (entry.size() > 1) {
            TreeMap<LocalDate, Integer> perDay = new TreeMap<>();
            LocalDate last = LocalDate.ofInstant(entry.lastSeen(), zone);
            for (LocalDate day = last.minusDays(InboxRow.DAYS - 1); !day.isAfter(last); day = day.plusDays(1)) {
                perDay.put(day, 0);
            }
            entry.quarters().forEach((quarter, copies) -> {
                LocalDate day = LocalDate.ofInstant(quarter, zone);
                if (perDay.containsKey(day)) {
                    perDay.merge(day, copies, Integer::sum);
                }
            });
            days = perDay.entrySet().stream()
                    .map(day -> new DailyCount(day.getKey(), day.getValue()))
                    .toList();
        }
        return new InboxRow(
                entry.item(),
                entry.headline(),
                entry.cluster(),
                entry.size(),
                entry.copies(),
                entry.matching(),
                entry.firstSeen(),
                entry.lastSeen(),
                days);
    }

    /**
     * The items are now worked on in {@code caseId}. Called by the cases module when it opens a case. Refused, and
     * nothing changed, when one of them is already in another open case: the conditional update makes two cases
     * opened at once on the same item impossible, whichever commits first wins.
     */
    @Transactional
    public void attachToCase(Collection<ItemId> ids, CaseId caseId) {
        List<ItemId> distinct = ids.stream().distinct().toList();
        List<Item> found = items.findAll(distinct);
        for (ItemId id : distinct) {
            Item item = found.stream()
                    .filter(candidate -> candidate.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new ItemNotFound(id));
            if (item.status() == ItemStatus.IN_CASE) {
                throw new IllegalItemChange("intake.error.already-in-case", item.headline());
            }
        }
        int attached = items.attach(distinct, caseId);
        if (attached != distinct.size()) {
            throw new IllegalItemChange("intake.error.already-in-case", distinct.size() - attached);
        }
    }

    /** The case that held these items ended: CHECKED when its fact-check was published, CLOSED otherwise. */
    @Transactional
    public void recordOutcome(Collection<ItemId> ids, ItemStatus outcome) {
        if (outcome != ItemStatus.CHECKED && outcome != ItemStatus.CLOSED) {
            throw new IllegalArgumentException("An outcome is CHECKED or CLOSED, not " + outcome);
        }
        items.updateStatus(ids, outcome);
    }

    /** Sets a new item aside as not worth checking; a checker of the item's unit may do it, and undo it. */
    @Transactional
    public Item dismiss(CurrentUser actor, ItemId id, boolean dismissed) {
        Item item = get(id);
        if (!actor.hasRole(item.unit(), Role.CHECKER)) {
            throw new Forbidden("intake.error.not-checker-of-unit");
        }
        ItemStatus from = dismissed ? ItemStatus.NEW : ItemStatus.DISMISSED;
        if (item.status() != from) {
            throw new IllegalItemChange("intake.error.cannot-dismiss", item.status());
        }
        items.updateStatus(List.of(id), dismissed ? ItemStatus.DISMISSED : ItemStatus.NEW);
        return get(id);
    }

    /** The units where this user may log items, by name. */
    @Transactional(readOnly = true)
    public List<Unit> unitsForSubmission(CurrentUser actor) {
        return network.units().stream()
                .filter(unit -> actor.hasRole(unit.id(), Role.CHECKER))
                .sorted(Comparator.comparing(Unit::name))
                .toList();
    }

    private UnitId unitFor(CurrentUser actor, @Nullable UnitId requested) {
        if (requested != null) {
            if (!actor.hasRole(requested, Role.CHECKER)) {
                throw new Forbidden("intake.error.not-checker-of-unit");
            }
            return requested;
        }
        return unitsForSubmission(actor).stream()
                .findFirst()
                .map(Unit::id)
                .orElseThrow(() -> new Forbidden("intake.error.not-checker"));
    }

    /**
     * Blank becomes null (also a value of nothing but no-break or zero-width spaces, format characters and lone
     * combining marks, which show as nothing); control characters other than tab and line breaks are removed.
     */
    private static @Nullable String blankToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String cleaned = CONTROL_CHARACTERS.matcher(value).replaceAll("");
        return cleaned.codePoints().allMatch(IntakeManagement::invisible) ? null : cleaned.strip();
    }

    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || switch (Character.getType(codePoint)) {
                    case Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> true;
                    default -> false;
                };
    }

    private static String joined(@Nullable String title, @Nullable String text) {
        return (title == null ? "" : title + " ") + (text == null ? "" : text);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 79) + "…";
    }
}
