package org.factdesk.shared;

/** Where a piece of content was seen. */
public enum Platform {
    FACEBOOK,
    YOUTUBE,
    TIKTOK,
    ZALO,
    TELEGRAM,
    X,
    WEBSITE,
    OTHER
}
