package org.factdesk.network.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkExceptions.BadCredentials;
import org.factdesk.network.NetworkExceptions.TooManyAttempts;
import org.factdesk.network.NetworkManagement;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The sign-in form: checks the password through {@link NetworkManagement#authenticate} (which throttles failures),
 * and after success switches the UI to the language the user chose last time.
 */
@Component
class FormSignIn extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationProvider, AuthenticationFailureHandler {

    private final NetworkManagement network;
    private final LocaleResolver locales;

    FormSignIn(NetworkManagement network, LocaleResolver locales) {
        this.network = network;
        this.locales = locales;
        setDefaultTargetUrl("/items");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
        try {
            CurrentUser user = network.authenticate(email, password, address);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        } catch (TooManyAttempts e) {
            throw new LockedException("too many attempts");
        } catch (BadCredentials e) {
            throw new BadCredentialsException("bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws jakarta.servlet.ServletException, IOException {
        if (authentication.getPrincipal() instanceof CurrentUser user) {
            locales.setLocale(request, response, user.language().locale());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof LockedException ? "locked" : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
    }
}
