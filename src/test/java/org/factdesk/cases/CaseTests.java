package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.factdesk.cases.CaseExceptions.IllegalCaseTransition;
import org.factdesk.cases.CaseExceptions.InvalidCaseInput;
import org.factdesk.cases.CaseExceptions.SelfApprovalRefused;
import org.factdesk.cases.CaseExceptions.VerdictWithoutEvidence;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow rules of the aggregate, without Spring. Cases are built through real transitions. */
class CaseTests {

    static final UnitId UNIT = UnitId.random();
    static final UserId OPENER = UserId.random();
    static final UserId CHECKER = UserId.random();
    static final UserId EDITOR = UserId.random();
    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    // --- fixtures: a case in each state, reached through the transitions ---

    static Case newCase() {
        Case kase = Case.open(
                CaseId.random(),
                UNIT,
                "Hot lemon water and the coronavirus",
                List.of(new NewClaim("Drinking hot lemon water kills the coronavirus", null)),
                List.of(ItemId.random()),
                OPENER,
                at(0));
        kase.saved(1);
        return kase;
    }

    static Case triagedCase() {
        Case kase = newCase();
        kase.triage(2, List.of("covid-19"), OPENER, at(1));
        return kase;
    }

    static Case caseInVerification() {
        Case kase = triagedCase();
        kase.assign(CHECKER, OPENER, at(2));
        return kase;
    }

    static Case caseWithEvidence() {
        Case kase = caseInVerification();
        kase.addEvidence(
                new NewEvidence.Link("https://www.who.int/mythbusters", "WHO mythbusters", "Heat does not kill it."),
                CHECKER,
                at(3));
        return kase;
    }

    static Case caseInReview() {
        Case kase = caseWithEvidence();
        kase.proposeVerdict(
                Rating.FALSE, "No evidence supports it; WHO says heat does not prevent COVID-19.", CHECKER, at(4));
        return kase;
    }

    static Case publishedCase() {
        Case kase = caseInReview();
        kase.approve(EDITOR, at(5));
        return kase;
    }

    static Case closedCase() {
        Case kase = triagedCase();
        kase.close(CloseReason.OUT_OF_SCOPE, null, EDITOR, at(5));
        return kase;
    }

    static Case caseIn(CaseState state) {
        return switch (state) {
            case NEW -> newCase();
            case TRIAGED -> triagedCase();
            case IN_VERIFICATION -> caseWithEvidence();
            case IN_REVIEW -> caseInReview();
            case PUBLISHED -> publishedCase();
            case CLOSED -> closedCase();
        };
    }

    /** Each action, performed by someone who may (an editor who did not propose the verdict). */
    static final Map<CaseAction, Consumer<Case>> ACTIONS = Map.of(
            CaseAction.TRIAGE, kase -> kase.triage(1, List.of("health"), EDITOR, at(9)),
            CaseAction.ASSIGN, kase -> kase.assign(UserId.random(), EDITOR, at(9)),
            CaseAction.ADD_EVIDENCE,
                    kase -> kase.addEvidence(new NewEvidence.Note("Called the hospital."), EDITOR, at(9)),
            CaseAction.COMMENT, kase -> kase.comment("Any news?", EDITOR, at(9)),
            CaseAction.PROPOSE_VERDICT, kase -> kase.proposeVerdict(Rating.MISLEADING, "Summary.", EDITOR, at(9)),
            CaseAction.APPROVE, kase -> kase.approve(EDITOR, at(9)),
            CaseAction.SEND_BACK, kase -> kase.sendBack("Cite the ministry.", EDITOR, at(9)),
            CaseAction.CLOSE, kase -> kase.close(CloseReason.NO_ACTION, null, EDITOR, at(9)));

    static final Map<CaseAction, EnumSet<CaseState>> ALLOWED = Map.of(
            CaseAction.TRIAGE, EnumSet.of(CaseState.NEW),
            CaseAction.ASSIGN, EnumSet.of(CaseState.TRIAGED, CaseState.IN_VERIFICATION),
            CaseAction.ADD_EVIDENCE, EnumSet.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION),
            CaseAction.COMMENT,
                    EnumSet.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION, CaseState.IN_REVIEW),
            CaseAction.PROPOSE_VERDICT, EnumSet.of(CaseState.IN_VERIFICATION),
            CaseAction.APPROVE, EnumSet.of(CaseState.IN_REVIEW),
            CaseAction.SEND_BACK, EnumSet.of(CaseState.IN_REVIEW),
            CaseAction.CLOSE,
                    EnumSet.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION, CaseState.IN_REVIEW));

    static Stream<Arguments> everyActionInEveryState() {
        return ACTIONS.keySet().stream()
                .flatMap(action -> Stream.of(CaseState.values()).map(state -> Arguments.of(action, state)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyActionInEveryState")
    void allowsEachActionOnlyInItsStates(CaseAction action, CaseState state) {
        Case kase = caseIn(state);
        assertThat(kase.state()).isEqualTo(state);
        int history = kase.history().size();
        int evidence = kase.evidence().size();
        int comments = kase.comments().size();

        if (ALLOWED.get(action).contains(state)) {
            assertThat(kase.allows(action)).isTrue();
            ACTIONS.get(action).accept(kase);
            assertThat(kase.history().size()
                            + kase.evidence().size()
                            + kase.comments().size())
                    .as("%s in %s left a trace", action, state)
                    .isGreaterThan(history + evidence + comments);
        } else {
            assertThat(kase.allows(action)).isFalse();
            IllegalCaseTransition refused = catchThrowableOfType(
                    IllegalCaseTransition.class, () -> ACTIONS.get(action).accept(kase));
            assertThat(refused).as("%s refused in %s", action, state).isNotNull();
            assertThat(refused.action()).isEqualTo(action);
            assertThat(refused.state()).isEqualTo(state);
            assertThat(refused.messageKey()).isEqualTo("cases.error.illegal-transition");
            assertThat(refused.status().value()).isEqualTo(409);
            assertThat(kase.state()).as("unchanged").isEqualTo(state);
            assertThat(kase.history()).hasSize(history);
            assertThat(kase.evidence()).hasSize(evidence);
            assertThat(kase.comments()).hasSize(comments);
        }
    }

    @Test
    void workflowTableMatchesTheActions() {
        for (CaseAction action : ACTIONS.keySet()) {
            assertThat(action.allowedStates()).as(action.name()).isEqualTo(ALLOWED.get(action));
        }
        for (CaseState state : CaseState.values()) {
            boolean anyAllowed = Stream.of(CaseAction.values()).anyMatch(action -> action.allowedIn(state));
            assertThat(anyAllowed).as("%s is final", state).isEqualTo(!state.isFinal());
        }
    }

    @Nested
    class Opening {

        @Test
        void opensNewCaseWithClaimsItemsAndHistory() {
            ItemId item = ItemId.random();
            Case kase = Case.open(
                    CaseId.random(),
                    UNIT,
                    "  Salt water  ",
                    List.of(
                            new NewClaim("Súc miệng bằng nước muối ngăn ngừa Covid-19", null),
                            new NewClaim("Salt water prevents COVID-19", Language.EN),
                            new NewClaim("   ", null)),
                    List.of(item, item),
                    OPENER,
                    at(0));

            assertThat(kase.state()).isEqualTo(CaseState.NEW);
            assertThat(kase.title()).isEqualTo("Salt water");
            assertThat(kase.claims()).extracting(Claim::language).containsExactly(Language.VI, Language.EN);
            assertThat(kase.items()).containsExactly(item);
            assertThat(kase.isNew()).isTrue();
            assertThat(kase.history()).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(CaseAction.OPEN);
                assertThat(entry.from()).isNull();
                assertThat(entry.to()).isEqualTo(CaseState.NEW);
                assertThat(entry.actor()).isEqualTo(OPENER);
                assertThat(entry.at()).isEqualTo(at(0));
            });
            assertThat(kase.events()).singleElement().isInstanceOfSatisfying(CaseOpened.class, opened -> {
                assertThat(opened.claims()).isEqualTo(2);
                assertThat(opened.items()).containsExactly(item);
                assertThat(opened.openedBy()).isEqualTo(OPENER);
            });
        }

        @Test
        void rejectsCaseWithoutTitleClaimsOrItems() {
            List<NewClaim> claim = List.of(new NewClaim("A claim", null));
            List<ItemId> item = List.of(ItemId.random());
            assertRefused(
                    () -> Case.open(CaseId.random(), UNIT, " ", claim, item, OPENER, T0), "cases.error.title-required");
            assertRefused(
                    () -> Case.open(CaseId.random(), UNIT, "x".repeat(201), claim, item, OPENER, T0),
                    "cases.error.title-too-long");
            assertRefused(
                    () -> Case.open(CaseId.random(), UNIT, "T", List.of(new NewClaim(" ", null)), item, OPENER, T0),
                    "cases.error.claim-required");
            assertRefused(
                    () -> Case.open(
                            CaseId.random(),
                            UNIT,
                            "T",
                            List.of(new NewClaim("x".repeat(1001), null)),
                            item,
                            OPENER,
                            T0),
                    "cases.error.claim-too-long");
            assertRefused(
                    () -> Case.open(CaseId.random(), UNIT, "T", claim, List.of(), OPENER, T0),
                    "cases.error.item-required");
        }
    }

    @Nested
    class Triage {

        @Test
        void triagesWithPriorityAndNormalizedTopics() {
            Case kase = newCase();
            kase.triage(1, List.of("Covid 19", "covid-19", " Sức khỏe "), CHECKER, at(1));

            assertThat(kase.state()).isEqualTo(CaseState.TRIAGED);
            assertThat(kase.priority()).isEqualTo(1);
            assertThat(kase.topics()).containsExactly("covid-19", "sức-khỏe");
            assertThat(kase.history()).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(CaseAction.TRIAGE);
                assertThat(entry.from()).isEqualTo(CaseState.NEW);
                assertThat(entry.to()).isEqualTo(CaseState.TRIAGED);
                assertThat(entry.actor()).isEqualTo(CHECKER);
            });
            assertThat(kase.events()).last().isInstanceOf(CaseTriaged.class);
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(ints = {0, 5, -1, 99})
        void rejectsPriorityOutsideOneToFour(int priority) {
            Case kase = newCase();
            assertRefused(() -> kase.triage(priority, List.of("health"), CHECKER, at(1)), "cases.error.priority-range");
            assertThat(kase.state()).isEqualTo(CaseState.NEW);
        }

        @Test
        void rejectsMissingOrMalformedTopics() {
            Case kase = newCase();
            assertRefused(() -> kase.triage(2, List.of(" ", ""), CHECKER, at(1)), "cases.error.topic-required");
            assertRefused(() -> kase.triage(2, List.of("<script>"), CHECKER, at(1)), "cases.error.topic-invalid");
            assertRefused(() -> kase.triage(2, List.of("x".repeat(61)), CHECKER, at(1)), "cases.error.topic-too-long");
            List<String> many =
                    Stream.iterate(1, n -> n + 1).limit(11).map(n -> "t" + n).toList();
            assertRefused(() -> kase.triage(2, many, CHECKER, at(1)), "cases.error.too-many-topics");
            assertThat(kase.state()).isEqualTo(CaseState.NEW);
        }
    }

    @Nested
    class Assignment {

        @Test
        void assignmentStartsVerificationAndReassignmentKeepsIt() {
            Case kase = triagedCase();
            kase.assign(CHECKER, EDITOR, at(2));
            assertThat(kase.state()).isEqualTo(CaseState.IN_VERIFICATION);
            assertThat(kase.assignee()).isEqualTo(CHECKER);

            UserId other = UserId.random();
            kase.assign(other, EDITOR, at(3));
            assertThat(kase.state()).isEqualTo(CaseState.IN_VERIFICATION);
            assertThat(kase.assignee()).isEqualTo(other);
            assertThat(kase.events()).last().isInstanceOfSatisfying(CaseAssigned.class, assigned -> {
                assertThat(assigned.assignee()).isEqualTo(other);
                assertThat(assigned.previousAssignee()).isEqualTo(CHECKER);
            });
            assertThat(kase.history()).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(CaseAction.ASSIGN);
                assertThat(entry.subject()).isEqualTo(other);
                assertThat(entry.from()).isEqualTo(CaseState.IN_VERIFICATION);
            });
        }

        @Test
        void assigningTheSameCheckerAgainChangesNothing() {
            Case kase = caseInVerification();
            int history = kase.history().size();
            kase.assign(CHECKER, EDITOR, at(5));
            assertThat(kase.history()).hasSize(history);
        }
    }

    @Nested
    class EvidenceRules {

        @Test
        void addsLinkNoteAndFile() {
            Case kase = caseInVerification();
            kase.addEvidence(new NewEvidence.Link("https://moh.gov.vn/x", "Bộ Y tế", null), CHECKER, at(3));
            kase.addEvidence(new NewEvidence.Note("Bác sĩ nói không."), CHECKER, at(4));
            kase.addEvidence(
                    new NewEvidence.File(
                            new EvidenceFile("scan.pdf", "application/pdf", 10, "ab".repeat(32)), null, null),
                    CHECKER,
                    at(5));

            assertThat(kase.evidence())
                    .extracting(Evidence::kind)
                    .containsExactly(EvidenceKind.LINK, EvidenceKind.NOTE, EvidenceKind.FILE);
            assertThat(kase.evidence().get(2).title())
                    .as("file title defaults to its name")
                    .isEqualTo("scan.pdf");
            assertThat(kase.unsavedEvidence()).hasSize(3);
            assertThat(kase.events())
                    .filteredOn(EvidenceAdded.class::isInstance)
                    .hasSize(3);
        }

        @Test
        void rejectsLinksThatAreNotWebAddresses() {
            Case kase = caseInVerification();
            for (String url : List.of(
                    "javascript:alert(1)", "ftp://example.org/x", "not a url", "https://", "file:///etc/passwd")) {
                assertRefused(
                        () -> kase.addEvidence(new NewEvidence.Link(url, "t", null), CHECKER, at(3)),
                        "cases.error.link-invalid");
            }
            assertRefused(
                    () -> kase.addEvidence(new NewEvidence.Link("https://example.org", " ", null), CHECKER, at(3)),
                    "cases.error.evidence-title-required");
            assertRefused(
                    () -> kase.addEvidence(new NewEvidence.Note(" "), CHECKER, at(3)),
                    "cases.error.evidence-note-required");
            assertThat(kase.evidence()).isEmpty();
        }
    }

    @Nested
    class Verdicts {

        @Test
        void rejectsVerdictWithoutEvidence() {
            Case kase = caseInVerification();
            assertThatThrownBy(() -> kase.proposeVerdict(Rating.FALSE, "Summary.", CHECKER, at(4)))
                    .isInstanceOf(VerdictWithoutEvidence.class)
                    .hasFieldOrPropertyWithValue("messageKey", "cases.error.verdict-without-evidence");
            assertThat(kase.state()).isEqualTo(CaseState.IN_VERIFICATION);
            assertThat(kase.verdict()).isNull();
        }

        @Test
        void rejectsVerdictWithoutOrWithTooLongSummary() {
            Case kase = caseWithEvidence();
            assertRefused(() -> kase.proposeVerdict(Rating.TRUE, "  ", CHECKER, at(4)), "cases.error.summary-required");
            assertRefused(
                    () -> kase.proposeVerdict(Rating.TRUE, "x".repeat(2001), CHECKER, at(4)),
                    "cases.error.summary-too-long");
            assertThat(kase.state()).isEqualTo(CaseState.IN_VERIFICATION);
        }

        @ParameterizedTest
        @EnumSource(Rating.class)
        void proposesAnyRatingForReview(Rating rating) {
            Case kase = caseWithEvidence();
            kase.proposeVerdict(rating, "One paragraph.", CHECKER, at(4));
            assertThat(kase.state()).isEqualTo(CaseState.IN_REVIEW);
            assertThat(kase.verdict()).isNotNull();
            assertThat(kase.verdict().rating()).isEqualTo(rating);
            assertThat(kase.verdict().approved()).isFalse();
            assertThat(kase.history())
                    .last()
                    .satisfies(entry -> assertThat(entry.detail()).isEqualTo(rating.name()));
        }

        @Test
        void refusesSelfApproval() {
            Case kase = caseInReview();
            assertThatThrownBy(() -> kase.approve(CHECKER, at(5)))
                    .isInstanceOf(SelfApprovalRefused.class)
                    .hasFieldOrPropertyWithValue("messageKey", "cases.error.self-approval");
            assertThat(kase.state()).isEqualTo(CaseState.IN_REVIEW);
            assertThat(kase.verdict().approved()).isFalse();
        }

        @Test
        void secondPersonApprovesAndPublishes() {
            Case kase = caseInReview();
            kase.approve(EDITOR, at(5));
            assertThat(kase.state()).isEqualTo(CaseState.PUBLISHED);
            assertThat(kase.verdict().approvedBy()).isEqualTo(EDITOR);
            assertThat(kase.verdict().approvedAt()).isEqualTo(at(5));
            assertThat(kase.events()).last().isInstanceOfSatisfying(VerdictApproved.class, approved -> {
                assertThat(approved.rating()).isEqualTo(Rating.FALSE);
                assertThat(approved.proposedBy()).isEqualTo(CHECKER);
                assertThat(approved.approvedBy()).isEqualTo(EDITOR);
                assertThat(approved.topics()).containsExactly("covid-19");
                assertThat(approved.items()).isEqualTo(kase.items());
                assertThat(approved.openedAt()).isEqualTo(at(0));
            });
        }

        @Test
        void sendBackReturnsToVerificationWithNoteAndKeepsDraft() {
            Case kase = caseInReview();
            kase.sendBack("Cite the Ministry of Health too.", EDITOR, at(5));

            assertThat(kase.state()).isEqualTo(CaseState.IN_VERIFICATION);
            assertThat(kase.verdict()).as("draft kept").isNotNull();
            assertThat(kase.history()).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(CaseAction.SEND_BACK);
                assertThat(entry.from()).isEqualTo(CaseState.IN_REVIEW);
                assertThat(entry.to()).isEqualTo(CaseState.IN_VERIFICATION);
                assertThat(entry.note()).isEqualTo("Cite the Ministry of Health too.");
            });
            assertThat(kase.events()).last().isInstanceOf(VerdictSentBack.class);

            kase.addEvidence(new NewEvidence.Link("https://moh.gov.vn", "Bộ Y tế", null), CHECKER, at(6));
            kase.proposeVerdict(Rating.FALSE, "Now with the ministry.", CHECKER, at(7));
            kase.approve(EDITOR, at(8));
            assertThat(kase.state()).isEqualTo(CaseState.PUBLISHED);
        }

        @Test
        void sendBackNeedsANote() {
            Case kase = caseInReview();
            assertRefused(() -> kase.sendBack(" ", EDITOR, at(5)), "cases.error.note-required");
            assertThat(kase.state()).isEqualTo(CaseState.IN_REVIEW);
        }

        @Test
        void editorMaySendBackButNotApproveAfterProposingThemselves() {
            Case kase = caseWithEvidence();
            kase.proposeVerdict(Rating.SATIRE, "It is a parody site.", EDITOR, at(4));
            assertThatThrownBy(() -> kase.approve(EDITOR, at(5))).isInstanceOf(SelfApprovalRefused.class);
            kase.approve(CHECKER, at(6));
            assertThat(kase.state()).isEqualTo(CaseState.PUBLISHED);
        }
    }

    @Nested
    class Closing {

        static Stream<Arguments> reasonsFromOpenStates() {
            return Stream.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION, CaseState.IN_REVIEW)
                    .flatMap(state -> Stream.of(CloseReason.values()).map(reason -> Arguments.of(state, reason)));
        }

        @ParameterizedTest(name = "{1} from {0}")
        @MethodSource("reasonsFromOpenStates")
        void closesFromAnyOpenStateWithAnyReason(CaseState state, CloseReason reason) {
            Case kase = caseIn(state);
            kase.close(reason, "See case 12.", EDITOR, at(9));

            assertThat(kase.state()).isEqualTo(CaseState.CLOSED);
            assertThat(kase.closure()).isEqualTo(new Closure(reason, "See case 12.", EDITOR, at(9)));
            assertThat(kase.history()).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(CaseAction.CLOSE);
                assertThat(entry.from()).isEqualTo(state);
                assertThat(entry.detail()).isEqualTo(reason.name());
            });
            assertThat(kase.events()).last().isInstanceOfSatisfying(CaseClosed.class, closed -> {
                assertThat(closed.reason()).isEqualTo(reason);
                assertThat(closed.closedFrom()).isEqualTo(state);
            });
        }

        @ParameterizedTest
        @EnumSource(value = CloseReason.class, names = "DUPLICATE", mode = EnumSource.Mode.EXCLUDE)
        void closesWithoutNoteExceptDuplicate(CloseReason reason) {
            Case kase = newCase();
            kase.close(reason, null, EDITOR, at(1));
            assertThat(kase.closure().note()).isNull();
        }

        @Test
        void duplicateMustSayWhatItDuplicates() {
            Case kase = newCase();
            assertRefused(
                    () -> kase.close(CloseReason.DUPLICATE, "  ", EDITOR, at(1)), "cases.error.duplicate-needs-note");
            assertThat(kase.state()).isEqualTo(CaseState.NEW);
        }

        @Test
        void closedCaseStaysClosed() {
            Case kase = closedCase();
            assertThatThrownBy(() -> kase.close(CloseReason.NO_ACTION, null, EDITOR, at(9)))
                    .isInstanceOf(IllegalCaseTransition.class);
            assertThatThrownBy(() -> kase.comment("late", EDITOR, at(9))).isInstanceOf(IllegalCaseTransition.class);
        }
    }

    @Test
    void historyRecordsEveryTransitionWithWhoAndWhen() {
        Case kase = publishedCase();
        assertThat(kase.history())
                .extracting(HistoryEntry::action, HistoryEntry::to, HistoryEntry::actor, HistoryEntry::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CaseAction.OPEN, CaseState.NEW, OPENER, at(0)),
                        org.assertj.core.groups.Tuple.tuple(CaseAction.TRIAGE, CaseState.TRIAGED, OPENER, at(1)),
                        org.assertj.core.groups.Tuple.tuple(
                                CaseAction.ASSIGN, CaseState.IN_VERIFICATION, OPENER, at(2)),
                        org.assertj.core.groups.Tuple.tuple(
                                CaseAction.PROPOSE_VERDICT, CaseState.IN_REVIEW, CHECKER, at(4)),
                        org.assertj.core.groups.Tuple.tuple(CaseAction.APPROVE, CaseState.PUBLISHED, EDITOR, at(5)));
        assertThat(kase.updatedAt()).isEqualTo(at(5));
        assertThat(kase.people()).contains(OPENER, CHECKER, EDITOR);
    }

    @Test
    void savingClearsEventsAndUnsavedChildren() {
        Case kase = caseWithEvidence();
        assertThat(kase.events()).isNotEmpty();
        kase.saved(2);
        assertThat(kase.events()).isEmpty();
        assertThat(kase.unsavedEvidence()).isEmpty();
        assertThat(kase.unsavedHistory()).isEmpty();
        assertThat(kase.version()).isEqualTo(2);
        kase.comment("next", CHECKER, at(10));
        assertThat(kase.unsavedComments()).hasSize(1);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOf(InvalidCaseInput.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }
}
