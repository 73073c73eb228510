package org.factdesk.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.factdesk.cases.Rating;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.publishing.ClaimReviewImports;
import org.factdesk.publishing.ImportReport;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Other organisations' fact-checks are matched from the moment they are imported, and answered as theirs. */
@DeskTest
class ImportedFactCheckMatchesTests {

    @Autowired
    NetworkManagement network;

    @Autowired
    ClaimReviewImports imports;

    @Autowired
    MatchingManagement matching;

    @Autowired
    MockMvc mvc;

    @Test
    void anImportedFactCheckIsMatchedAndAnsweredWithItsOrganisationAndPage() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String url = "https://factcheck.example.org/magnets-" + marker;
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser editor =
                accounts.user(Role.EDITOR, accounts.unit("Nhập " + marker).id());
        ImportReport report = imports.importJson(editor, """
                {"@context": "https://schema.org", "@type": "ClaimReview", "url": "%s",
                 "claimReviewed": "Covid-19 vaccines %s make the arm magnetic at the injection site",
                 "datePublished": "2021-05-14",
                 "author": {"@type": "Organization", "name": "Reuters Fact Check"},
                 "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1,
                   "bestRating": 5, "worstRating": 1}}
                """.formatted(url, marker));
        assertThat(report.imported()).isEqualTo(1);
        String post = "Watch this: after the covid vaccine %s a magnet sticks to the arm at the injection site!!"
                .formatted(marker);

        ExternalMatch match = MatchingDesk.eventually(
                        () -> matching.match(post, 5).external(), found -> !found.isEmpty())
                .get(0);

        assertThat(match.url()).isEqualTo(url);
        assertThat(match.organisation()).isEqualTo("Reuters Fact Check");
        assertThat(match.rating()).isEqualTo(Rating.FALSE);
        assertThat(match.ratingText()).isEqualTo("False");
        assertThat(match.highlights()).isNotEmpty();
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", "Bearer " + accounts.token(editor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"%s\", \"limit\": 3}".formatted(post)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].claimId").value("external:" + match.id()))
                .andExpect(jsonPath("$.matches[0].caseId").doesNotExist())
                .andExpect(jsonPath("$.matches[0].factCheckUrl").value(url))
                .andExpect(jsonPath("$.matches[0].organisation").value("Reuters Fact Check"))
                .andExpect(jsonPath("$.matches[0].rating").value("FALSE"));
        mvc.perform(post("/matching/check")
                        .with(user(editor))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("text", post))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-external\"")))
                .andExpect(content().string(containsString("href=\"" + url + "\"")))
                .andExpect(content().string(containsString("Reuters Fact Check")))
                .andExpect(content().string(containsString("their rating: “False”")));
    }
}
