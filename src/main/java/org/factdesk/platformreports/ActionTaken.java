package org.factdesk.platformreports;

/** What a platform did about a reported item, when it acted on the report. */
public enum ActionTaken {
    REMOVED,
    LABELLED,
    REDUCED_REACH,
    ACCOUNT_RESTRICTED
}
