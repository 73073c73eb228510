package org.factdesk.intake.fetch;

import java.util.Locale;
import org.factdesk.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A URL could not be fetched, or was refused before any request was made. The message key
 * ({@code intake.fetch.error.<reason>}) and its arguments say why in words a user understands; {@link #retryable()}
 * says whether trying again later may help.
 */
public class FetchFailed extends DomainException {

    /** Why a fetch failed. */
    public enum Reason {
        INVALID_URL,
        SCHEME_REFUSED,
        ADDRESS_REFUSED,
        NUMERIC_HOST,
        CREDENTIALS_IN_URL,
        HOST_NOT_ALLOWED,
        UNKNOWN_HOST,
        TOO_MANY_REDIRECTS,
        TIMEOUT,
        TOO_LARGE,
        WRONG_TYPE,
        HTTP_STATUS,
        TLS,
        CONNECTION;

        String key() {
            return "intake.fetch.error." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final @Nullable Integer httpStatus;

    FetchFailed(Reason reason, Object... arguments) {
        super(reason.key(), arguments);
        this.reason = reason;
        this.httpStatus = null;
    }

    private FetchFailed(int httpStatus, String host) {
        super(Reason.HTTP_STATUS.key(), httpStatus, host);
        this.reason = Reason.HTTP_STATUS;
        this.httpStatus = httpStatus;
    }

    /** The server answered, with a status that is neither success, redirect nor 304. */
    static FetchFailed httpStatus(int status, String host) {
        return new FetchFailed(status, host);
    }

    public Reason reason() {
        return reason;
    }

    /** The status the server answered, for {@link Reason#HTTP_STATUS}. */
    public @Nullable Integer httpStatus() {
        return httpStatus;
    }

    /**
     * Whether the same request may succeed later: timeouts, connection and DNS failures, and server errors (5xx, 408,
     * 429) may pass; refused addresses, missing pages, wrong types and oversized bodies will not.
     */
    public boolean retryable() {
        return switch (reason) {
            case TIMEOUT, CONNECTION, UNKNOWN_HOST -> true;
            case HTTP_STATUS -> httpStatus != null && (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429);
            default -> false;
        };
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
