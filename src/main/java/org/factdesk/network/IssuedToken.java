package org.factdesk.network;

/** A newly created API token with its secret, which is never shown again. */
public record IssuedToken(ApiToken token, String secret) {}
