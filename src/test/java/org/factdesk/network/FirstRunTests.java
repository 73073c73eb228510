package org.factdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.factdesk.shared.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** A fresh installation: every page leads to the first-run page, which works once. */
@SpringBootTest(properties = "factdesk.test.context=first-run")
@AutoConfigureMockMvc
@DirtiesContext
class FirstRunTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Test
    void createsTheFirstAdministratorOnceAndOnlyOnce() throws Exception {
        assertThat(network.hasUsers()).isFalse();
        mvc.perform(get("/items")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"unitName\"")));

        mvc.perform(post("/setup")
                        .param("unitName", "Ban chỉ đạo tỉnh")
                        .param("displayName", "Quản trị")
                        .param("email", "first@factdesk.test")
                        .param("password", "short")
                        .param("language", "VI")
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(network.hasUsers()).isFalse();

        mvc.perform(post("/setup")
                        .param("unitName", "Ban chỉ đạo tỉnh")
                        .param("displayName", "Quản trị")
                        .param("email", "first@factdesk.test")
                        .param("password", "a-long-enough-password")
                        .param("language", "VI")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login"));
        assertThat(network.users()).singleElement().satisfies(user -> {
            assertThat(user.email()).isEqualTo("first@factdesk.test");
            assertThat(user.language()).isEqualTo(Language.VI);
            assertThat(user.roles()).containsValue(Role.ADMIN);
        });

        mvc.perform(post("/setup")
                        .param("unitName", "Another")
                        .param("displayName", "Intruder")
                        .param("email", "intruder@factdesk.test")
                        .param("password", "a-long-enough-password")
                        .param("language", "EN")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login"));
        assertThat(network.users()).hasSize(1);
        mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
    }
}
