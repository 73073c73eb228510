package org.factdesk.publishing;

import java.util.List;
import org.factdesk.shared.CaseId;

/**
 * Ranks the cases whose checked claims a search text repeats, with the desk's matching analysis (diacritics,
 * teencode, stemming). The public listing's search uses it when a bean is present: matching provides one, and
 * publishing does not depend on matching, which follows publishing's events.
 */
public interface FactCheckSearch {

    /** Case ids, best first, at most {@code limit}. */
    List<CaseId> rank(String text, int limit);
}
