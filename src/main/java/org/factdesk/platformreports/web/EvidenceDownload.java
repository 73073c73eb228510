package org.factdesk.platformreports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.factdesk.network.CurrentUser;
import org.factdesk.platformreports.PlatformReportId;
import org.factdesk.platformreports.PlatformReportManagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends a report's evidence package as a ZIP attachment, for the page and the API alike. The report is looked up
 * first, so an unknown id is a 404 before any byte of the body is written; the package is then streamed (snapshot
 * bodies go from the archive to the response in blocks).
 */
final class EvidenceDownload {

    private EvidenceDownload() {}

    static void send(
            PlatformReportManagement reports,
            CurrentUser user,
            PlatformReportId id,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        reports.get(id);
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("platform-report-" + id + ".zip")
                        .build()
                        .toString());
        try (OutputStream out = response.getOutputStream()) {
            reports.writeEvidencePackage(user, id, locale, out);
        }
    }
}
