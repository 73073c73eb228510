package org.factdesk.cases;

import org.jspecify.annotations.Nullable;

/** Evidence to add to a case: a link, a note, or an uploaded file that has been stored. */
public sealed interface NewEvidence {

    /** A link to a source, with its title and what it says. */
    record Link(String url, String title, @Nullable String summary) implements NewEvidence {}

    /** The checker's own note (an expert's statement on the phone, an observation, ...). */
    record Note(String text) implements NewEvidence {}

    /** An uploaded file, already checked and stored. */
    record File(
            EvidenceFile file,
            @Nullable String title,
            @Nullable String summary) implements NewEvidence {}
}
