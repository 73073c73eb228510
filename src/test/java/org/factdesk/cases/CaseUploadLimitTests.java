package org.factdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.DataDirectory;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Uploads larger than {@code factdesk.cases.evidence.max-file-size} (1 KB here) are refused and leave nothing. */
@DeskTest
@TestPropertySource(properties = "factdesk.cases.evidence.max-file-size=1KB")
class CaseUploadLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Autowired
    DataDirectory data;

    @Test
    void refusesAFileOverTheLimitAndStoresNothing() throws Exception {
        CaseDesk desk = new CaseDesk(network, intake, cases);
        CaseDesk.Team team = desk.team();
        Case kase = desk.inVerification(team);
        String token = desk.accounts().token(team.checker());
        byte[] justRight = "a".repeat(1024).getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = "a".repeat(1025).getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/api/v1/cases/" + kase.id() + "/evidence/file")
                        .file(new MockMultipartFile("file", "big.txt", "text/plain", tooLarge))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("cases.error.file-too-large"))
                .andExpect(jsonPath("$.detail").value("The file is larger than 1 KB, the most the desk accepts."));

        Case after = cases.get(team.checker(), kase.id());
        assertThat(after.evidence()).isEmpty();
        assertThat(after.version()).isEqualTo(kase.version());
        assertThat(after.state()).isEqualTo(CaseState.IN_VERIFICATION);
        try (Stream<Path> files = Files.list(data.resolve("evidence"))) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }

        mvc.perform(multipart("/api/v1/cases/" + kase.id() + "/evidence/file")
                        .file(new MockMultipartFile("file", "ok.txt", "text/plain", justRight))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence[0].file.size").value(1024));
    }
}
