package org.factdesk.network;

/** What kind of organisation a unit is. */
public enum UnitKind {
    PROVINCIAL_DESK,
    DISTRICT_DESK,
    PARTNER_NEWSROOM,
    HEALTH_OFFICE,
    OTHER
}
