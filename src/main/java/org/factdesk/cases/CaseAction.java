package org.factdesk.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to a case, with the states that allow it. The one table of the workflow: the aggregate refuses an
 * action outside these states, and the case page offers only the allowed ones.
 */
public enum CaseAction {
    OPEN(EnumSet.noneOf(CaseState.class)),
    TRIAGE(EnumSet.of(CaseState.NEW)),
    ASSIGN(EnumSet.of(CaseState.TRIAGED, CaseState.IN_VERIFICATION)),
    ADD_EVIDENCE(EnumSet.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION)),
    COMMENT(EnumSet.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION, CaseState.IN_REVIEW)),
    PROPOSE_VERDICT(EnumSet.of(CaseState.IN_VERIFICATION)),
    APPROVE(EnumSet.of(CaseState.IN_REVIEW)),
    SEND_BACK(EnumSet.of(CaseState.IN_REVIEW)),
    CLOSE(EnumSet.of(CaseState.NEW, CaseState.TRIAGED, CaseState.IN_VERIFICATION, CaseState.IN_REVIEW)),
    // Steps of the case's public fact-check, recorded by publishing on a PUBLISHED case (never offered on the case
    // page, so allowed in no state here: Case#recordFactCheckStep checks the state itself).
    PUBLISH_FACT_CHECK(EnumSet.noneOf(CaseState.class)),
    CORRECT_FACT_CHECK(EnumSet.noneOf(CaseState.class)),
    WITHDRAW_FACT_CHECK(EnumSet.noneOf(CaseState.class));

    /** The actions that record a step of the case's public fact-check. */
    public static final Set<CaseAction> FACT_CHECK_STEPS =
            EnumSet.of(PUBLISH_FACT_CHECK, CORRECT_FACT_CHECK, WITHDRAW_FACT_CHECK);

    private final Set<CaseState> allowedIn;

    CaseAction(Set<CaseState> allowedIn) {
        this.allowedIn = allowedIn;
    }

    public boolean allowedIn(CaseState state) {
        return allowedIn.contains(state);
    }

    public Set<CaseState> allowedStates() {
        return Set.copyOf(allowedIn);
    }
}
