package org.factdesk.cases;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.factdesk.cases.CaseExceptions.AssigneeNotChecker;
import org.factdesk.cases.CaseExceptions.CaseNotFound;
import org.factdesk.cases.CaseExceptions.InvalidCaseInput;
import org.factdesk.cases.CaseExceptions.ItemInAnotherCase;
import org.factdesk.cases.CaseExceptions.ItemNotFound;
import org.factdesk.cases.CaseExceptions.OtherUnitCase;
import org.factdesk.cases.CaseExceptions.RoleRequired;
import org.factdesk.cases.internal.EvidenceStore;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemStatus;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's API. Every method acts for a {@link CurrentUser} and checks their role in the case's unit:
 * VIEWER reads, CHECKER opens, triages, assigns, adds evidence and comments and proposes verdicts, EDITOR also
 * approves, sends back and closes. A case of a unit the user is not a member of is refused as a whole
 * ({@link OtherUnitCase}), whatever the action.
 *
 * <p>Each method is one transaction: the case rows, the events and the items' status in intake are written together
 * or not at all.
 */
@Service
@Transactional
public class CaseManagement {

    public static final int MAX_PAGE_SIZE = 100;

    private final Cases cases;
    private final EvidenceStore files;
    private final IntakeManagement intake;
    private final NetworkManagement network;
    private final Clock clock;

    CaseManagement(Cases cases, EvidenceStore files, IntakeManagement intake, NetworkManagement network, Clock clock) {
        this.cases = cases;
        this.files = files;
        this.intake = intake;
        this.network = network;
        this.clock = clock;
    }

    // --- opening and reading ---

    /**
     * Opens a case from items (which must exist and not be worked on in another open case) in a unit where the actor
     * is a checker, and marks the items as taken up in intake.
     */
    public Case open(CurrentUser actor, OpenCase command) {
        List<ItemId> itemIds = List.copyOf(new LinkedHashSet<>(command.items()));
        List<Item> found = intake.findAll(itemIds);
        UnitId unit = unitFor(actor, command.unit(), found);
        for (ItemId id : itemIds) {
            Item item = found.stream()
                    .filter(candidate -> candidate.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new ItemNotFound(id));
            Optional<CaseId> holder = cases.openCaseHolding(id);
            if (holder.isPresent()) {
                throw new ItemInAnotherCase(item.headline(), holder.get());
            }
        }
        Case kase = Case.open(CaseId.random(), unit, command.title(), command.claims(), itemIds, actor.id(), now());
        cases.save(kase);
        intake.attachToCase(kase.items(), kase.id());
        return kase;
    }

    /**
     * A case of one of the actor's units, or a published case of any unit: published verdicts are readable across
     * the network (only read; acting on a case still needs a role in its unit).
     */
    @Transactional(readOnly = true)
    public Case get(CurrentUser actor, CaseId id) {
        Case kase = cases.find(id).orElseThrow(() -> new CaseNotFound(id));
        if (kase.state() != CaseState.PUBLISHED) {
            requireMember(actor, kase);
        }
        return kase;
    }

    /**
     * The claims of every open or published case in the network, with their verdicts once published: what matching
     * indexes. Not tied to an actor: published verdicts are readable across the network, and open claims are only
     * used to recognise repeats, never shown with their case's work.
     */
    @Transactional(readOnly = true)
    public List<CheckedClaim> checkedClaims() {
        return cases.checkedClaims(null);
    }

    /** The claims of one case, as {@link #checkedClaims()} gives them; empty for a closed case. */
    @Transactional(readOnly = true)
    public List<CheckedClaim> checkedClaims(CaseId id) {
        return cases.checkedClaims(id);
    }

    /** These claims, as {@link #checkedClaims()} gives them (claims of closed cases left out), in one query. */
    @Transactional(readOnly = true)
    public List<CheckedClaim> checkedClaimsById(Collection<ClaimId> ids) {
        return cases.checkedClaimsById(ids);
    }

    /**
     * The claims of published cases across the network, the most recently published first, optionally of one rating
     * and one language. Not tied to an actor: published verdicts are readable by every user of the network.
     */
    @Transactional(readOnly = true)
    public PageOf<CheckedClaim> publishedClaims(
            @Nullable Rating rating, @Nullable Language language, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidCaseInput("cases.error.page", MAX_PAGE_SIZE);
        }
        return cases.publishedClaims(rating, language, page, size);
    }

    /** The cases of the actor's units, newest first. */
    @Transactional(readOnly = true)
    public PageOf<CaseSummary> find(CurrentUser actor, CaseQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidCaseInput("cases.error.page", MAX_PAGE_SIZE);
        }
        return cases.page(actor.units(), query.state(), query.assignedToMe() ? actor.id() : null, page, size);
    }

    // --- workflow ---

    public Case triage(CurrentUser actor, CaseId id, int priority, Collection<String> topics) {
        return change(actor, id, Role.CHECKER, kase -> kase.triage(priority, topics, actor.id(), now()));
    }

    /** Assigns the case to a checker (or editor, or administrator) of its unit. */
    public Case assign(CurrentUser actor, CaseId id, UserId assignee) {
        return change(actor, id, Role.CHECKER, kase -> {
            boolean checker = network.members(kase.unit(), Role.CHECKER).stream()
                    .anyMatch(member -> member.id().equals(assignee));
            if (!checker) {
                throw new AssigneeNotChecker();
            }
            kase.assign(assignee, actor.id(), now());
        });
    }

    /** Adds a link or a note. */
    public Case addEvidence(CurrentUser actor, CaseId id, NewEvidence evidence) {
        if (evidence instanceof NewEvidence.File) {
            throw new IllegalArgumentException("Files are added with addFile, which stores and checks them");
        }
        return change(actor, id, Role.CHECKER, kase -> kase.addEvidence(evidence, actor.id(), now()));
    }

    /**
     * Stores an uploaded file (checked for size and type by its bytes) and adds it as evidence. The case and the
     * actor's role are checked before anything is written.
     */
    public Case addFile(
            CurrentUser actor,
            CaseId id,
            @Nullable String fileName,
            InputStream content,
            @Nullable String title,
            @Nullable String summary) {
        return change(actor, id, Role.CHECKER, kase -> {
            kase.requireOpenForEvidence();
            EvidenceFile stored = files.store(fileName, content);
            kase.addEvidence(new NewEvidence.File(stored, title, summary), actor.id(), now());
        });
    }

    public Case comment(CurrentUser actor, CaseId id, String text) {
        return change(actor, id, Role.CHECKER, kase -> kase.comment(text, actor.id(), now()));
    }

    public Case proposeVerdict(CurrentUser actor, CaseId id, Rating rating, String summary) {
        return change(actor, id, Role.CHECKER, kase -> kase.proposeVerdict(rating, summary, actor.id(), now()));
    }

    /** Publishes the verdict (four-eyes: not by its author) and marks the case's items as checked. */
    public Case approve(CurrentUser actor, CaseId id) {
        Case kase = change(actor, id, Role.EDITOR, changed -> changed.approve(actor.id(), now()));
        intake.recordOutcome(kase.items(), ItemStatus.CHECKED);
        return kase;
    }

    public Case sendBack(CurrentUser actor, CaseId id, String note) {
        return change(actor, id, Role.EDITOR, kase -> kase.sendBack(note, actor.id(), now()));
    }

    /** Closes the case without a verdict and marks its items as closed. */
    public Case close(CurrentUser actor, CaseId id, CloseReason reason, @Nullable String note) {
        Case kase = change(actor, id, Role.EDITOR, changed -> changed.close(reason, note, actor.id(), now()));
        intake.recordOutcome(kase.items(), ItemStatus.CLOSED);
        return kase;
    }

    /**
     * Records a step of the case's public fact-check in the case history, for the publishing module, in the caller's
     * transaction. Publishing checks its own roles and four-eyes rule; here the actor must be a member of the case's
     * unit and the case must be PUBLISHED.
     */
    public Case recordFactCheckStep(
            CurrentUser actor, CaseId id, CaseAction step, String detail, @Nullable String note) {
        return change(actor, id, Role.CHECKER, kase -> kase.recordFactCheckStep(step, detail, note, actor.id(), now()));
    }

    // --- what the pages need around a case ---

    /** The stored content of an evidence file of a case the actor may read. */
    @Transactional(readOnly = true)
    public EvidenceDownload evidenceFile(CurrentUser actor, CaseId id, EvidenceId evidenceId) {
        Evidence evidence = get(actor, id).evidence(evidenceId);
        EvidenceFile file = evidence.file();
        if (file == null) {
            throw new CaseExceptions.EvidenceNotFound(evidenceId);
        }
        return new EvidenceDownload(file, files.path(file.sha256()));
    }

    /** An evidence file and where its content is. */
    public record EvidenceDownload(EvidenceFile file, Path path) {}

    /** The largest evidence file accepted, for forms ("10 MB"). */
    public String maxFileSize() {
        return EvidenceStore.readable(files.maxFileSize());
    }

    /** Who the case can be assigned to: enabled checkers (and above) of its unit, by name. */
    @Transactional(readOnly = true)
    public List<Person> assignees(Case kase) {
        return network.members(kase.unit(), Role.CHECKER).stream()
                .map(account -> new Person(account.id(), account.displayName()))
                .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** A user as the case pages name them. */
    public record Person(UserId id, String name) {}

    /** The names of everyone the case mentions. */
    @Transactional(readOnly = true)
    public Map<UserId, String> names(Case kase) {
        return network.displayNames(kase.people());
    }

    /** The case's items, in the order they were attached. */
    @Transactional(readOnly = true)
    public List<Item> items(Case kase) {
        return items(kase.items());
    }

    /** Items to show on the open-case form, in the order asked; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<Item> items(Collection<ItemId> ids) {
        List<Item> found = intake.findAll(ids);
        return ids.stream()
                .distinct()
                .map(id -> found.stream().filter(item -> item.id().equals(id)).findFirst())
                .flatMap(Optional::stream)
                .toList();
    }

    /** The units where the actor may open cases, by name. */
    @Transactional(readOnly = true)
    public List<Unit> unitsForOpening(CurrentUser actor) {
        Set<UnitId> checking = actor.unitsWith(Role.CHECKER);
        return network.units().stream()
                .filter(unit -> checking.contains(unit.id()))
                .sorted(Comparator.comparing(Unit::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    // --- helpers ---

    private Case change(CurrentUser actor, CaseId id, Role role, Consumer<Case> transition) {
        Case kase = cases.find(id).orElseThrow(() -> new CaseNotFound(id));
        requireMember(actor, kase);
        if (!actor.hasRole(kase.unit(), role)) {
            throw new RoleRequired(role);
        }
        transition.accept(kase);
        cases.save(kase);
        return kase;
    }

    /** Now, to the microsecond that both databases store, so that a case reads back exactly as it was saved. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireMember(CurrentUser actor, Case kase) {
        if (!actor.isMemberOf(kase.unit())) {
            throw new OtherUnitCase();
        }
    }

    /** The unit asked for; else the actor's only checking unit; else the unit that logged the first item. */
    private UnitId unitFor(CurrentUser actor, @Nullable UnitId requested, List<Item> items) {
        if (requested != null) {
            if (!actor.hasRole(requested, Role.CHECKER)) {
                throw new RoleRequired(Role.CHECKER);
            }
            return requested;
        }
        Set<UnitId> checking = actor.unitsWith(Role.CHECKER);
        if (checking.isEmpty()) {
            throw new RoleRequired(Role.CHECKER);
        }
        if (checking.size() == 1) {
            return checking.iterator().next();
        }
        return items.stream()
                .map(Item::unit)
                .filter(checking::contains)
                .findFirst()
                .orElseThrow(() -> new InvalidCaseInput("cases.error.unit-required"));
    }
}
