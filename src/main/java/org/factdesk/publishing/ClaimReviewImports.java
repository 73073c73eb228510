package org.factdesk.publishing;

import java.util.List;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.Role;
import org.factdesk.publishing.PublishingExceptions.InvalidImport;
import org.factdesk.publishing.PublishingExceptions.RoleRequired;
import org.factdesk.publishing.imports.ClaimReviewImporter;
import org.factdesk.publishing.imports.ExternalFactChecks;
import org.springframework.stereotype.Service;

/**
 * Other organisations' fact-checks, imported from their schema.org ClaimReview markup so that matching knows them
 * from day one: a single JSON-LD document, a JSON array, a JSONL dump ({@code @graph} containers anywhere), or the
 * pages of a list of URLs. Idempotent by the fact-check's canonical URL: a re-import updates a changed record and
 * leaves an equal one alone. An EDITOR (of any unit) or an ADMIN imports; each new or changed record raises
 * {@link ExternalFactCheckImported}. Records are refused one by one, with their position, in the
 * {@link ImportReport}; the good ones are kept.
 */
@Service
public class ClaimReviewImports {

    private final ClaimReviewImporter importer;
    private final ExternalFactChecks externals;

    ClaimReviewImports(ClaimReviewImporter importer, ExternalFactChecks externals) {
        this.importer = importer;
        this.externals = externals;
    }

    /**
     * Imports a JSON-LD document, a JSON array or a JSONL dump.
     *
     * @throws InvalidImport when the input is empty, not JSON or larger than the setting allows
     */
    public ImportReport importJson(CurrentUser actor, String text) {
        requireEditor(actor);
        return importer.importText(text);
    }

    /**
     * Fetches the pages of a URL list (one a line) and imports the ClaimReviews in their JSON-LD.
     *
     * @throws InvalidImport when the list names no URL or more than the setting allows
     */
    public ImportReport importUrls(CurrentUser actor, String urls) {
        requireEditor(actor);
        return importer.importUrls(urls);
    }

    /** Every external fact-check (for a rebuild of the matching index). */
    public List<ExternalFactCheck> externalFactChecks() {
        return externals.all();
    }

    /** The most recently imported or changed external fact-checks, newest first. */
    public List<ExternalFactCheck> latest(int limit) {
        return externals.latest(Math.min(Math.max(limit, 1), PublishingManagement.MAX_PAGE_SIZE));
    }

    public long count() {
        return externals.count();
    }

    /** True when the actor may import (an EDITOR or ADMIN of some unit). */
    public boolean mayImport(CurrentUser actor) {
        return !actor.unitsWith(Role.EDITOR).isEmpty();
    }

    /** Refuses anyone who may not import: a page of imports shows nothing to them either. */
    public void requireEditor(CurrentUser actor) {
        if (!mayImport(actor)) {
            throw new RoleRequired(Role.EDITOR);
        }
    }
}
