package org.factdesk.platformreports.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.factdesk.archive.ArchiveManagement;
import org.factdesk.archive.Snapshot;
import org.factdesk.intake.Item;
import org.factdesk.platformreports.PlatformReport;
import org.factdesk.platformreports.PolicyCategory;
import org.factdesk.platformreports.ReportStep;
import org.factdesk.publishing.Correction;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.publishing.SourceLink;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a report's evidence package: a ZIP that whoever receives it (the platform, a court, an auditor) can check on
 * their own with {@code sha256sum -c SHA256SUMS}. Layout:
 *
 * <pre>
 * README.txt                        what the package is and how to verify it (vi and en)
 * report.json                       the report: platform, policy category, reference, justification, outcome
 * timeline.json                     every step with its date, note and who recorded it
 * item.json                         the item as the desk logged it (without the desk's internal note)
 * fact-check.json, fact-check.md    the published fact-check with its public URL, when there is one
 * snapshots/HASH.EXT                each distinct archived body, byte for byte as captured
 * snapshots/HASH.headers.json       the captures of that body: URLs, time, status, headers, SHA-256
 * summary.pdf                       one page: report, item, outcome, time to outcome, fact-check link, hashes
 * SHA256SUMS                        HEX, two spaces, path: one line per file above
 * </pre>
 *
 * Every file is hashed as it is written, so the manifest states what is in the ZIP and not what the archive says:
 * a snapshot body that no longer matches its recorded SHA-256 shows as a difference between its file name and its
 * manifest line (and is logged). Snapshot bodies are copied from the archive in blocks.
 */
@Component
public class EvidencePackage {

    private static final Logger log = LoggerFactory.getLogger(EvidencePackage.class);

    public static final String MANIFEST = "SHA256SUMS";

    private final ArchiveManagement archive;
    private final PublishingManagement publishing;
    private final SummaryPdf pdf;
    private final JsonMapper json;

    EvidencePackage(ArchiveManagement archive, PublishingManagement publishing, SummaryPdf pdf, JsonMapper json) {
        this.archive = archive;
        this.publishing = publishing;
        this.pdf = pdf;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    /**
     * Everything a package holds, read before the first byte is written.
     *
     * @param names display names of the desk users who recorded the report and its steps
     * @param factCheck the published fact-check of the item's case, if any
     * @param generatedAt when the package is made
     */
    public record Contents(
            PlatformReport report,
            PolicyCategory policy,
            String platformName,
            Item item,
            String unitName,
            Map<UserId, String> names,
            List<Snapshot> snapshots,
            @Nullable FactCheck factCheck,
            Instant generatedAt,
            Locale locale,
            ZoneId zone) {}

    /** One file of the package and its SHA-256. */
    public record Entry(String path, String sha256, long size) {}

    public void write(Contents contents, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        String factCheckUrl = contents.factCheck() == null ? null : publishing.url(contents.factCheck());

        entries.add(put(zip, "README.txt", readme().getBytes(StandardCharsets.UTF_8)));
        entries.add(put(zip, "report.json", json.writeValueAsBytes(reportJson(contents, factCheckUrl))));
        entries.add(put(zip, "timeline.json", json.writeValueAsBytes(timelineJson(contents))));
        entries.add(put(zip, "item.json", json.writeValueAsBytes(itemJson(contents))));
        if (contents.factCheck() != null) {
            FactCheck factCheck = contents.factCheck();
            entries.add(put(zip, "fact-check.json", json.writeValueAsBytes(factCheckJson(factCheck, factCheckUrl))));
            entries.add(put(
                    zip,
                    "fact-check.md",
                    factCheckMarkdown(factCheck, factCheckUrl).getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, List<Snapshot>> bySha = new LinkedHashMap<>();
        contents.snapshots()
                .forEach(s -> bySha.computeIfAbsent(s.sha256(), sha -> new ArrayList<>())
                        .add(s));
        for (List<Snapshot> captures : bySha.values()) {
            Snapshot first = captures.get(0);
            Entry body = putSnapshot(zip, first);
            entries.add(body);
            entries.add(put(
                    zip,
                    "snapshots/" + first.sha256() + ".headers.json",
                    json.writeValueAsBytes(capturesJson(captures, body))));
        }
        entries.add(put(zip, "summary.pdf", pdf.render(contents, factCheckUrl, entries)));

        StringBuilder manifest = new StringBuilder();
        entries.forEach(entry -> manifest.append(entry.sha256())
                .append("  ")
                .append(entry.path())
                .append('\n'));
        put(zip, MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
        zip.flush();
    }

    private Entry putSnapshot(ZipOutputStream zip, Snapshot snapshot) throws IOException {
        String path = "snapshots/" + snapshot.fileName();
        zip.putNextEntry(entry(path, snapshot.capturedAt()));
        Hashing hashing = new Hashing(zip);
        try (InputStream body = archive.openContent(snapshot.id())) {
            body.transferTo(hashing);
        }
        zip.closeEntry();
        String sha = hashing.hex();
        if (!sha.equals(snapshot.sha256())) {
            log.warn(
                    "Archived body of snapshot {} hashes to {}, not its recorded {}",
                    snapshot.id(),
                    sha,
                    snapshot.sha256());
        }
        return new Entry(path, sha, hashing.count);
    }

    private static Entry put(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(path, null));
        zip.write(bytes);
        zip.closeEntry();
        return new Entry(path, sha256(bytes), bytes.length);
    }

    private static ZipEntry entry(String path, @Nullable Instant time) {
        ZipEntry entry = new ZipEntry(path);
        if (time != null) {
            entry.setTime(time.toEpochMilli());
        }
        return entry;
    }

    // --- the JSON files ---

    private static Map<String, Object> reportJson(Contents contents, @Nullable String factCheckUrl) {
        PlatformReport report = contents.report();
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("code", contents.policy().code());
        policy.put("vi", contents.policy().vi());
        policy.put("en", contents.policy().en());
        policy.put("url", contents.policy().url());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.id().toString());
        json.put("platform", report.platform().name());
        json.put("platformName", contents.platformName());
        json.put("policy", policy);
        json.put("reference", report.reference());
        json.put("justification", report.justification());
        json.put("citedFactCheckUrl", report.factCheckUrl());
        json.put("publishedFactCheckUrl", factCheckUrl);
        json.put("unit", contents.unitName());
        json.put("sentBy", contents.names().getOrDefault(report.submittedBy(), ""));
        json.put("submittedAt", report.submittedAt().toString());
        json.put("status", report.status().name());
        json.put("action", report.action() == null ? null : report.action().name());
        json.put("outcomeAt", report.outcomeAt().map(Instant::toString).orElse(null));
        json.put("daysToOutcome", report.daysToOutcome().orElse(null));
        json.put("item", report.item().toString());
        json.put("packageGeneratedAt", contents.generatedAt().toString());
        return json;
    }

    private static List<Map<String, Object>> timelineJson(Contents contents) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (ReportStep step : contents.report().steps()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", step.status().name());
            json.put("action", step.action() == null ? null : step.action().name());
            json.put("at", step.at().toString());
            json.put("note", step.note());
            json.put(
                    "recordedBy",
                    step.recordedBy() == null ? "system" : contents.names().getOrDefault(step.recordedBy(), ""));
            json.put("recordedAt", step.recordedAt().toString());
            steps.add(json);
        }
        return steps;
    }

    private static Map<String, Object> itemJson(Contents contents) {
        Item item = contents.item();
        Map<String, Object> engagement = new LinkedHashMap<>();
        engagement.put("likes", item.engagement().likes());
        engagement.put("shares", item.engagement().shares());
        engagement.put("comments", item.engagement().comments());
        engagement.put("views", item.engagement().views());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id().toString());
        json.put("unit", contents.unitName());
        json.put("url", item.url());
        json.put("title", item.title());
        json.put("text", item.text());
        json.put("platform", item.platform().name());
        json.put("language", item.language().code());
        json.put("seenAt", item.seenAt().toString());
        json.put("receivedAt", item.receivedAt().toString());
        json.put("timesSeen", item.timesSeen());
        json.put("engagement", engagement);
        json.put("status", item.status().name());
        json.put("caseId", item.caseId() == null ? null : item.caseId().toString());
        return json;
    }

    private static Map<String, Object> factCheckJson(FactCheck factCheck, @Nullable String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", factCheck.id().toString());
        json.put("url", url);
        json.put("language", factCheck.language().code());
        json.put("rating", factCheck.rating().name());
        json.put("headline", factCheck.article().headline());
        json.put("claim", factCheck.article().claim());
        json.put("summary", factCheck.article().summary());
        json.put("body", factCheck.article().body());
        json.put(
                "publishedAt",
                factCheck.publishedAt() == null ? null : factCheck.publishedAt().toString());
        json.put("updatedAt", factCheck.updatedAt().toString());
        json.put(
                "sources",
                factCheck.evidence().stream()
                        .map(source -> {
                            Map<String, Object> link = new LinkedHashMap<>();
                            link.put("title", source.title());
                            link.put("url", source.url());
                            return link;
                        })
                        .toList());
        json.put(
                "corrections",
                factCheck.corrections().stream()
                        .map(correction -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("what", correction.what());
                            entry.put("why", correction.why());
                            entry.put("at", correction.at().toString());
                            return entry;
                        })
                        .toList());
        return json;
    }

    private static String factCheckMarkdown(FactCheck factCheck, @Nullable String url) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(factCheck.article().headline()).append("\n\n");
        md.append("- URL: ").append(url).append('\n');
        md.append("- Rating: ").append(factCheck.rating().name()).append('\n');
        md.append("- Claim: ").append(factCheck.article().claim()).append('\n');
        if (factCheck.publishedAt() != null) {
            md.append("- Published: ").append(factCheck.publishedAt()).append('\n');
        }
        md.append("\n").append(factCheck.article().summary()).append("\n\n");
        md.append(factCheck.article().body()).append('\n');
        if (!factCheck.evidence().isEmpty()) {
            md.append("\n## Sources\n\n");
            for (SourceLink source : factCheck.evidence()) {
                md.append("- [")
                        .append(source.title())
                        .append("](")
                        .append(source.url())
                        .append(")\n");
            }
        }
        if (!factCheck.corrections().isEmpty()) {
            md.append("\n## Corrections\n\n");
            for (Correction correction : factCheck.corrections()) {
                md.append("- ")
                        .append(correction.at())
                        .append(": ")
                        .append(correction.what())
                        .append(" (")
                        .append(correction.why())
                        .append(")\n");
            }
        }
        return md.toString();
    }

    private static Map<String, Object> capturesJson(List<Snapshot> captures, Entry body) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", body.path());
        json.put("sha256", body.sha256());
        json.put("size", body.size());
        json.put(
                "captures",
                captures.stream()
                        .map(snapshot -> {
                            Map<String, Object> capture = new LinkedHashMap<>();
                            capture.put("id", snapshot.id().toString());
                            capture.put("requestedUrl", snapshot.requestedUrl());
                            capture.put("finalUrl", snapshot.finalUrl());
                            capture.put("capturedAt", snapshot.capturedAt().toString());
                            capture.put("httpStatus", snapshot.httpStatus());
                            capture.put("contentType", snapshot.contentType());
                            capture.put("recordedSha256", snapshot.sha256());
                            capture.put("headers", snapshot.headers());
                            return capture;
                        })
                        .toList());
        return json;
    }

    private static String readme() {
        return """
                FactDesk — gói bằng chứng của một báo cáo gửi nền tảng
                ======================================================
                Gói gồm báo cáo (report.json), các bước xử lý (timeline.json), nội dung được báo cáo (item.json),
                bài kiểm chứng đã công bố nếu có (fact-check.json, fact-check.md), các bản lưu trữ nguyên gốc của
                đường dẫn (snapshots/) và bản tóm tắt một trang (summary.pdf).
                Kiểm tra tính toàn vẹn: giải nén rồi chạy trong thư mục này:  sha256sum -c SHA256SUMS

                FactDesk — evidence package of a report to a platform
                =====================================================
                The package holds the report (report.json), its steps (timeline.json), the reported item
                (item.json), the published fact-check if any (fact-check.json, fact-check.md), the archived
                captures of the item's URL byte for byte (snapshots/) and a one-page summary (summary.pdf).
                To verify it, unpack it and run in this folder:  sha256sum -c SHA256SUMS
                """;
    }

    // --- hashing ---

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes on to the ZIP entry and hashes them on the way; never closes the ZIP. */
    private static final class Hashing extends FilterOutputStream {

        private final MessageDigest digest = digest();
        private long count;

        Hashing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // the ZIP entry is closed by the caller
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
