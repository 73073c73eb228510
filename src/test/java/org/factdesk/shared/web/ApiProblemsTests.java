package org.factdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every failure of an API call is RFC 9457 problem details, also those that reach no controller; broken UTF-8 and raw
 * control characters in a JSON body are cleaned, not fatal, and an oversized body is a 413.
 */
@DeskTest
class ApiProblemsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    MessageSource messages;

    String token;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        token = "Bearer "
                + accounts.token(
                        accounts.user(Role.CHECKER, accounts.unit("Problems").id()));
    }

    @Test
    void aMethodThePathDoesNotTakeIsA405ProblemNamingTheOneItTakes() throws Exception {
        mvc.perform(get("/api/v1/match").header("Authorization", token).header("Accept-Language", "en"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.title").value("Method not allowed"))
                .andExpect(jsonPath("$.detail").value("GET is not supported here; this path takes POST."));
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        mvc.perform(post("/api/v1/nonexistent")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"))
                .andExpect(jsonPath("$.detail").value("API không có POST /api/v1/nonexistent."));
    }

    @Test
    void aBodyOfAnotherTypeIsA415ProblemInTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", token)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("5G spreads the virus"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unsupported media type"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The body is text/plain")));
    }

    @Test
    void pagesOutsideTheApiKeepTheirErrorPages() throws Exception {
        mvc.perform(
                        get("/no-such-page")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("someone")))
                .andExpect(status().isNotFound())
                .andExpect(
                        result -> assertThat(String.valueOf(result.getResponse().getContentType()))
                                .doesNotContain("problem+json"));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithAReferenceAndNoInternals() {
        var problems = new ApiProblems(messages);
        var request = new MockHttpServletRequest("POST", "/api/v1/match");
        var answer = problems.unexpected(new IllegalStateException("secret internals"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        var problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail())
                .doesNotContain("secret")
                .contains(problem.getProperties().get("reference").toString());
    }

    @Test
    void cleaningReplacesBrokenBytesAndControlsAndKeepsTheRest() {
        byte[] raw = bytes(
                "{\"text\":\"5G ",
                new byte[] {(byte) 0xff, (byte) 0xfe},
                " tháp\u0001\u0007 ",
                new byte[] {(byte) 0xc3, 0x28},
                " \\u0000 ok\"}\n\t");
        String cleaned = new String(JsonBodies.clean(raw), StandardCharsets.UTF_8);
        assertThat(cleaned).isEqualTo("{\"text\":\"5G \ufffd\ufffd tháp   \ufffd( \\u0000 ok\"}\n\t");
    }

    @Test
    void aMatchWithBrokenUtf8AndRawControlsIsAnswered() throws Exception {
        byte[] body = bytes(
                "{\"text\":\"5G mobile networks ",
                new byte[] {(byte) 0xff, (byte) 0xfe},
                " spread the \u0001\u0007 coronavirus ",
                new byte[] {(byte) 0xc3, 0x28},
                "\"}");
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches").isArray())
                .andExpect(jsonPath("$.truncated").value(false));
    }

    @Test
    void aNumberOrABooleanWhereTextIsExpectedIsRefusedNamingTheField() throws Exception {
        for (String body : java.util.List.of("{\"text\": 123}", "{\"text\": true}", "{\"text\": 5.5}")) {
            mvc.perform(post("/api/v1/match")
                            .header("Authorization", token)
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("text"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value(org.hamcrest.Matchers.endsWith("is not a valid value of text.")));
        }
        // A number written as text is still a number: only text fields are strict.
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"5G towers spread the coronavirus\", \"limit\": \"3\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] body = ("{\"text\":\"" + "a".repeat(21 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post("/api/v1/match")
                        .header("Authorization", token)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(413))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 20 MB."));
    }

    @Test
    void theCleanedBodyCanBeReadWithAReadListenerToo(@Autowired tools.jackson.databind.json.JsonMapper json)
            throws Exception {
        var filter = new JsonBodies(org.springframework.util.unit.DataSize.ofMegabytes(1), messages, json);
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/match");
        request.setContentType("application/json");
        request.setContent(bytes("{\"text\":\"a", new byte[] {(byte) 0xff}, "b\"}"));
        var chain = new org.springframework.mock.web.MockFilterChain();
        filter.doFilter(request, new org.springframework.mock.web.MockHttpServletResponse(), chain);

        var in = chain.getRequest().getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        java.util.List<String> calls = new java.util.ArrayList<>();
        in.setReadListener(new jakarta.servlet.ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                calls.add("data");
                byte[] buffer = new byte[4];
                int n;
                while (in.isReady() && (n = in.read(buffer)) > 0) {
                    read.write(buffer, 0, n);
                }
            }

            @Override
            public void onAllDataRead() {
                calls.add("all");
            }

            @Override
            public void onError(Throwable failure) {
                calls.add("error " + failure);
            }
        });
        assertThat(calls).containsExactly("data", "all");
        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"a\ufffdb\"}");
        assertThat(in.isFinished()).isTrue();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
