package org.factdesk.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.factdesk.testing.DeskTest;
import org.factdesk.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@DeskTest
class NetworkApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    TestAccounts accounts;
    Unit unit;

    @BeforeEach
    void setUp() {
        accounts = new TestAccounts(network);
        unit = accounts.unit("API desk");
    }

    @Test
    void issuesATokenForEmailAndPassword() throws Exception {
        CurrentUser checker = accounts.user(Role.CHECKER, unit.id());
        String body = mvc.perform(post("/api/v1/auth/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "password": "%s", "name": "script"}
                                """.formatted(checker.email(), TestAccounts.PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("fd_")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(checker.email()))
                .andExpect(jsonPath("$.roles['" + unit.id() + "']").value("CHECKER"));
    }

    @Test
    void refusesATokenForAWrongPasswordWithProblemDetails() throws Exception {
        CurrentUser checker = accounts.user(Role.CHECKER, unit.id());
        mvc.perform(post("/api/v1/auth/tokens")
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "password": "wrong-password-x", "name": "script"}
                                """.formatted(checker.email())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Wrong e-mail or password."));
    }

    @Test
    void answers401WithoutATokenAndForARevokedOne() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        CurrentUser viewer = accounts.user(Role.VIEWER, unit.id());
        IssuedToken issued = network.issueToken(viewer, "soon revoked");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/auth/tokens/" + issued.token().id())
                        .header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer fd_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdministratorsManageUsersAndUnits() throws Exception {
        CurrentUser editor = accounts.user(Role.EDITOR, unit.id());
        String token = accounts.token(editor);
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/units")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Rogue unit\", \"kind\": \"OTHER\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "new-%s@factdesk.test", "displayName": "New", "password": "long-enough-pw",
                                 "language": "vi", "unit": "%s", "role": "ADMIN"}
                                """.formatted(System.nanoTime(), unit.id())))
                .andExpect(status().isForbidden());
        assertThat(network.user(editor.id()).roles()).containsEntry(unit.id(), Role.EDITOR);
    }

    @Test
    void anAdministratorCreatesUsersAndGrantsRoles() throws Exception {
        CurrentUser admin = accounts.user(Role.ADMIN, unit.id());
        String token = accounts.token(admin);
        String email = "created-" + System.nanoTime() + "@factdesk.test";
        String body = mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "displayName": "Trần Thị Kiểm", "password": "long-enough-pw",
                                 "language": "vi", "unit": "%s", "role": "CHECKER"}
                                """.formatted(email, unit.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles['" + unit.id() + "']").value("CHECKER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        mvc.perform(put("/api/v1/users/" + id + "/roles/" + unit.id())
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\": \"EDITOR\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles['" + unit.id() + "']").value("EDITOR"));
    }

    @Test
    void refusesInvalidUsersFieldByField() throws Exception {
        CurrentUser admin = accounts.user(Role.ADMIN, unit.id());
        long before = network.users().size();
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + accounts.token(admin))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "not-an-email", "displayName": "", "password": "short",
                                 "language": "vi", "unit": "%s", "role": "CHECKER"}
                                """.formatted(unit.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')].message")
                        .value("This is not a valid e-mail address."))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists());
        mvc.perform(post("/api/v1/users")
                        .header("Authorization", "Bearer " + accounts.token(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "x@factdesk.test", "displayName": "X", "password": "long-enough-pw",
                                 "language": "vi", "unit": "%s", "role": "OWNER"}
                                """.formatted(unit.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("role"));
        assertThat(network.users()).hasSize((int) before);
    }

    @Test
    void publishesTheApiDescriptionAndHealthWithoutSignIn() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/items']").exists())
                .andExpect(jsonPath("$.components.securitySchemes['personal-token'].scheme")
                        .value("bearer"))
                // Failures are documented as problem details on every operation.
                .andExpect(
                        jsonPath("$.paths['/api/v1/match'].post.responses['400'].content['application/problem+json']")
                                .exists())
                .andExpect(jsonPath("$.paths['/api/v1/match'].post.responses['500']")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.ProblemDetail.properties.detail")
                        .exists());
        mvc.perform(get("/api/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
