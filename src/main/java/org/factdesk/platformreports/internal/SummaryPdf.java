package org.factdesk.platformreports.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.factdesk.platformreports.PlatformReport;
import org.factdesk.platformreports.ReportStep;
import org.factdesk.publishing.FactCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one-page PDF summary of an evidence package, in the reader's language. Text is set in Liberation Sans (and
 * Liberation Mono for hashes), TrueType fonts with Vietnamese glyphs that ship on the class path in
 * {@code openpdf-fonts-extra} and are embedded (subset) in the file: the PDF reads the same on any machine and never
 * depends on the fonts of the server. Long texts are cut and lists capped so that the summary stays on one page; the
 * full texts are in the package's JSON files.
 */
@Component
public class SummaryPdf {

    /** Timeline steps shown; a longer timeline ends with a line that points to timeline.json. */
    static final int MAX_STEPS = 8;
    /** Hash lines shown; the others are in SHA256SUMS. */
    static final int MAX_HASHES = 10;

    private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);
    private static final Color RULE = new Color(0xd0, 0xd5, 0xdd);

    private final MessageSource messages;
    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont mono;

    SummaryPdf(MessageSource messages) {
        this.messages = messages;
        this.regular = font("liberation/LiberationSans-Regular.ttf");
        this.bold = font("liberation/LiberationSans-Bold.ttf");
        this.mono = font("liberation/LiberationMono-Regular.ttf");
    }

    private static BaseFont font(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + resource + " is missing from the class path", e);
        }
    }

    byte[] render(EvidencePackage.Contents contents, @Nullable String factCheckUrl, List<EvidencePackage.Entry> files) {
        Locale locale = contents.locale();
        PlatformReport report = contents.report();
        Font title = new Font(bold, 15);
        Font heading = new Font(bold, 10.5f);
        Font label = new Font(bold, 8.5f);
        Font text = new Font(regular, 8.5f);
        Font small = new Font(regular, 7.5f, Font.NORMAL, MUTED);
        Font hash = new Font(mono, 6.8f);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            document.addTitle(nfc(message("platformreports.pdf.title", locale)));
            document.addCreator("FactDesk");
            document.open();

            document.add(new Paragraph(nfc(message("platformreports.pdf.title", locale)), title));
            document.add(new Paragraph(
                    nfc(message(
                            "platformreports.pdf.generated",
                            locale,
                            dateTime(contents, contents.generatedAt()),
                            contents.unitName())),
                    small));
            document.add(spacer());

            PdfPTable facts = table(new float[] {1.3f, 4.7f});
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.pdf.report", locale),
                    report.id().toString());
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.platform", locale),
                    contents.platformName() + " — " + contents.policy().label(locale));
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.policy-url", locale),
                    contents.policy().url());
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.reference", locale),
                    report.reference() == null ? "—" : report.reference());
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.sent", locale),
                    message(
                            "platformreports.pdf.sent-by",
                            locale,
                            dateTime(contents, report.submittedAt()),
                            contents.names().getOrDefault(report.submittedBy(), "")));
            row(facts, label, text, message("platformreports.field.status", locale), outcome(contents));
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.time-to-outcome", locale),
                    report.daysToOutcome()
                            .map(days -> message("platformreports.days", locale, oneDecimal(days, locale)))
                            .orElse(message("platformreports.pdf.waiting", locale)));
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.pdf.item", locale),
                    contents.item().headline());
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.pdf.item-url", locale),
                    contents.item().url() == null ? "—" : cut(contents.item().url(), 200));
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.pdf.item-seen", locale),
                    dateTime(contents, contents.item().seenAt()));
            FactCheck factCheck = contents.factCheck();
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.fact-check", locale),
                    factCheck == null
                            ? cited(report, locale)
                            : factCheck.article().headline() + "\n" + factCheckUrl);
            row(
                    facts,
                    label,
                    text,
                    message("platformreports.field.justification", locale),
                    cut(report.justification(), 700));
            document.add(facts);

            document.add(section(message("platformreports.timeline", locale), heading));
            PdfPTable timeline = table(new float[] {1.3f, 1.5f, 3.2f});
            List<ReportStep> steps = report.steps();
            for (ReportStep step : steps.subList(0, Math.min(steps.size(), MAX_STEPS))) {
                String status = message("platformreports.status." + step.status(), locale)
                        + (step.action() == null
                                ? ""
                                : " — " + message("platformreports.action." + step.action(), locale));
                String by = step.recordedBy() == null
                        ? message("platformreports.step.system", locale)
                        : contents.names().getOrDefault(step.recordedBy(), "");
                cells(
                        timeline,
                        text,
                        dateTime(contents, step.at()),
                        status,
                        cut((step.note() == null ? "" : step.note() + " ") + "(" + by + ")", 160));
            }
            if (steps.size() > MAX_STEPS) {
                PdfPCell more =
                        cell(message("platformreports.pdf.more-steps", locale, steps.size() - MAX_STEPS), small);
                more.setColspan(3);
                timeline.addCell(more);
            }
            document.add(timeline);

            document.add(section(message("platformreports.pdf.files", locale), heading));
            PdfPTable hashes = table(new float[] {2.9f, 4.1f});
            for (EvidencePackage.Entry file : files.subList(0, Math.min(files.size(), MAX_HASHES))) {
                cells(hashes, hash, file.path(), file.sha256());
            }
            if (files.size() > MAX_HASHES) {
                PdfPCell more =
                        cell(message("platformreports.pdf.more-files", locale, files.size() - MAX_HASHES), small);
                more.setColspan(2);
                hashes.addCell(more);
            }
            document.add(hashes);
            document.add(spacer());
            document.add(new Paragraph(nfc(message("platformreports.pdf.verify", locale)), small));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the report summary", e);
        }
        return out.toByteArray();
    }

    private String outcome(EvidencePackage.Contents contents) {
        PlatformReport report = contents.report();
        Locale locale = contents.locale();
        String status = message("platformreports.status." + report.status(), locale)
                + (report.action() == null ? "" : " — " + message("platformreports.action." + report.action(), locale));
        return report.outcomeAt()
                .map(at -> status + " (" + dateTime(contents, at) + ")")
                .orElse(status);
    }

    private String cited(PlatformReport report, Locale locale) {
        return report.factCheckUrl() == null
                ? message("platformreports.pdf.no-fact-check", locale)
                : report.factCheckUrl();
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        return table;
    }

    private static void row(PdfPTable table, Font labelFont, Font textFont, String label, String value) {
        PdfPCell name = cell(label, labelFont);
        name.setBackgroundColor(new Color(0xf3, 0xf5, 0xf8));
        table.addCell(name);
        table.addCell(cell(value, textFont));
    }

    private static void cells(PdfPTable table, Font font, String... values) {
        for (String value : values) {
            table.addCell(cell(value, font));
        }
    }

    private static PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(nfc(value), font));
        cell.setBorderColor(RULE);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    private static Paragraph section(String title, Font font) {
        Paragraph paragraph = new Paragraph(nfc(title), font);
        paragraph.setSpacingBefore(10);
        paragraph.setSpacingAfter(2);
        return paragraph;
    }

    private static Paragraph spacer() {
        return new Paragraph(new Chunk(" "));
    }

    private String dateTime(EvidencePackage.Contents contents, Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(contents.locale())
                .format(instant.atZone(contents.zone()));
    }

    private static String oneDecimal(double value, Locale locale) {
        return String.format(locale, "%.1f", value);
    }

    /** Cuts a long text at a word boundary, with an ellipsis; whitespace runs become one space. */
    static String cut(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        String head = line.substring(0, max);
        int space = head.lastIndexOf(' ');
        return (space > max / 2 ? head.substring(0, space) : head) + " …";
    }

    /** Precomposed letters: the fonts have glyphs for "ệ", not always a good placement for "e" and two marks. */
    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
