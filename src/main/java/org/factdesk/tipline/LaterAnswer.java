package org.factdesk.tipline;

import org.factdesk.shared.Language;

/** A fact-check published after a tip about its claim, to be sent to the tipper who is waiting for it. */
public record LaterAnswer(String reference, Language language, PublicFactCheck factCheck) {}
