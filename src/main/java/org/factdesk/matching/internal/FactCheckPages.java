package org.factdesk.matching.internal;

import static org.factdesk.shared.Timestamps.toDb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.factdesk.publishing.FactCheckId;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public pages of published fact-checks, kept from publishing's events. */
@Repository
public class FactCheckPages {

    private final JdbcClient jdbc;

    FactCheckPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records (or, for a correction, refreshes) a public page. The events are heard asynchronously and may come in
     * either order, so each one inserts the row when it is missing and then updates its own columns; a withdrawal
     * is final.
     */
    public void published(FactCheckId id, CaseId caseId, Language language, String url, Instant at) {
        jdbc.sql("""
                        insert into matching_public_page (fact_check_id, case_id, language, url, updated_at)
                        values (:id, :caseId, :language, :url, :at)
                        on conflict do nothing
                        """)
                .param("id", id.value())
                .param("caseId", caseId.value())
                .param("language", language.code())
                .param("url", url)
                .param("at", toDb(at))
                .update();
        jdbc.sql("""
                        update matching_public_page set language = :language, url = :url, updated_at = :at
                        where fact_check_id = :id
                        """)
                .param("id", id.value())
                .param("language", language.code())
                .param("url", url)
                .param("at", toDb(at))
                .update();
    }

    public void withdrawn(FactCheckId id, CaseId caseId, String url, Instant at) {
        jdbc.sql("""
                        insert into matching_public_page (fact_check_id, case_id, url, withdrawn, updated_at)
                        values (:id, :caseId, :url, true, :at)
                        on conflict do nothing
                        """)
                .param("id", id.value())
                .param("caseId", caseId.value())
                .param("url", url)
                .param("at", toDb(at))
                .update();
        jdbc.sql("update matching_public_page set withdrawn = true where fact_check_id = :id")
                .param("id", id.value())
                .update();
    }

    /**
     * The public page of each case that has one standing, in one query: the page in {@code language} of the case
     * when there is one, else the most recently updated.
     */
    public Map<CaseId, String> urls(Map<CaseId, Language> cases) {
        Map<CaseId, String> out = new HashMap<>();
        if (cases.isEmpty()) {
            return out;
        }
        Map<CaseId, Boolean> inLanguage = new HashMap<>();
        jdbc.sql("""
                        select case_id, language, url from matching_public_page
                        where case_id in (:cases) and not withdrawn
                        order by updated_at desc
                        """)
                .param("cases", cases.keySet().stream().map(CaseId::value).toList())
                .query((rs, n) -> {
                    CaseId caseId = new CaseId(rs.getObject("case_id", UUID.class));
                    boolean preferred = cases.get(caseId).code().equals(rs.getString("language"));
                    if (!out.containsKey(caseId) || (preferred && !inLanguage.get(caseId))) {
                        out.put(caseId, rs.getString("url"));
                        inLanguage.put(caseId, preferred);
                    }
                    return caseId;
                })
                .list();
        return out;
    }
}
