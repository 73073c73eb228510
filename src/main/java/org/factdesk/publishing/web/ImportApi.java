package org.factdesk.publishing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.factdesk.network.CurrentUser;
import org.factdesk.publishing.ClaimReviewImports;
import org.factdesk.publishing.ImportReport;
import org.factdesk.publishing.PublishingExceptions.InvalidImport;
import org.factdesk.publishing.imports.ImportSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports other organisations' ClaimReview fact-checks over HTTP. The body is the input itself: JSON-LD or a JSON
 * array ({@code application/json}, {@code application/ld+json}), a JSONL dump ({@code application/x-ndjson},
 * {@code application/jsonl}, {@code text/plain}) or a URL list ({@code text/uri-list}); or a multipart form with a
 * {@code file} part (JSON, array or JSONL) or a {@code urls} part. Answers the {@link ImportReport} with each refusal's
 * reason in the caller's language; an input that cannot be read at all is an RFC 9457 problem (400, or 413 when too
 * large).
 */
@RestController
class ImportApi {

    private final ClaimReviewImports imports;
    private final ImportSettings settings;
    private final MessageSource messages;

    ImportApi(ClaimReviewImports imports, ImportSettings settings, MessageSource messages) {
        this.imports = imports;
        this.settings = settings;
        this.messages = messages;
    }

    record RefusalJson(String position, String code, String reason) {}

    record ReportJson(
            ImportReport.Format format,
            int imported,
            int updated,
            int unchanged,
            int refusedCount,
            List<RefusalJson> refused) {}

    @PostMapping(
            path = "/api/v1/fact-checks/imports",
            consumes = {
                MediaType.APPLICATION_JSON_VALUE,
                "application/ld+json",
                MediaType.APPLICATION_NDJSON_VALUE,
                "application/jsonl",
                "application/x-ndjson",
                MediaType.TEXT_PLAIN_VALUE,
                "text/uri-list"
            })
    ReportJson importBody(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) throws IOException {
        imports.requireEditor(user);
        String body = read(request.getInputStream());
        String type = request.getContentType() == null ? "" : request.getContentType();
        ImportReport report =
                type.startsWith("text/uri-list") ? imports.importUrls(user, body) : imports.importJson(user, body);
        return json(report);
    }

    @PostMapping(path = "/api/v1/fact-checks/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ReportJson importForm(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String urls)
            throws IOException {
        imports.requireEditor(user);
        if (file != null && !file.isEmpty()) {
            try (InputStream in = file.getInputStream()) {
                return json(imports.importJson(user, read(in)));
            }
        }
        if (urls != null && !urls.isBlank()) {
            return json(imports.importUrls(user, urls));
        }
        throw new InvalidImport("publishing.import.error.empty");
    }

    /** The body up to the size setting; a larger one is refused before it is all read. */
    private String read(InputStream in) throws IOException {
        long max = settings.maxSize().toBytes();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        if (bytes.length > max) {
            throw new InvalidImport(
                    HttpStatus.PAYLOAD_TOO_LARGE, "publishing.import.error.too-large", max / (1024 * 1024));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private ReportJson json(ImportReport report) {
        return new ReportJson(
                report.format(),
                report.imported(),
                report.updated(),
                report.unchanged(),
                report.refused().size(),
                report.refused().stream()
                        .map(refusal -> new RefusalJson(
                                refusal.position(),
                                refusal.code(),
                                messages.getMessage(
                                        refusal.code(),
                                        refusal.argumentArray(),
                                        refusal.code(),
                                        LocaleContextHolder.getLocale())))
                        .toList());
    }
}
