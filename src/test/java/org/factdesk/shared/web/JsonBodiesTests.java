package org.factdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Broken UTF-8 and raw control characters in an API body are cleaned, not fatal; an oversized body is a 413. */
@DeskTest
class JsonBodiesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    String token;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        token = "Bearer "
                + accounts.token(
                        accounts.user(Role.VIEWER, accounts.unit("Bodies").id()));
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

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
