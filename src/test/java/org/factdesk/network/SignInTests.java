package org.factdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@DeskTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Test
    void signsInAndSwitchesToTheUsersLanguageWithAFreshSession() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser checker =
                accounts.user(Role.CHECKER, accounts.unit("Sign-in desk").id());
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = mvc.perform(post("/login")
                        .session(session)
                        .param("email", checker.email())
                        .param("password", TestAccounts.PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/items"))
                .andExpect(cookie().value("factdesk-lang", "en"))
                .andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void refusesAWrongPasswordAndThrottlesRepeatedFailures() throws Exception {
        TestAccounts accounts = new TestAccounts(network);
        CurrentUser checker =
                accounts.user(Role.CHECKER, accounts.unit("Throttle desk").id());
        for (int attempt = 0; attempt < 5; attempt++) {
            mvc.perform(post("/login")
                            .param("email", checker.email())
                            .param("password", "wrong")
                            .with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login")
                        .param("email", checker.email())
                        .param("password", TestAccounts.PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void refusesASignInWithoutCsrfToken() throws Exception {
        mvc.perform(post("/login").param("email", "x@factdesk.test").param("password", "whatever-pw"))
                .andExpect(status().isForbidden());
    }

    @Test
    void sendsAnonymousVisitorsToSignIn() throws Exception {
        new TestAccounts(network).root();
        mvc.perform(get("/items")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
