package org.factdesk.cases;

/**
 * An uploaded evidence file as stored: its original name, the type found by reading its bytes, its size and the
 * SHA-256 under which the content is kept.
 */
public record EvidenceFile(String name, String contentType, long size, String sha256) {}
