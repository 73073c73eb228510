package org.factdesk.imports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.factdesk.imports.ImportFormat;
import org.factdesk.imports.ImportId;
import org.factdesk.imports.ImportJob;
import org.factdesk.imports.ImportManagement;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.UnitId;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page (upload form and recent jobs), a job's page with its live progress (htmx polls a fragment every
 * second while the job runs), and its error report. Uploads come two ways: the page's script sends the file as the
 * raw request body ({@code PUT /imports/upload}), streamed to disk with no multipart size limit and an upload progress
 * bar; without script the form posts it as multipart, within the application's ordinary multipart limit. The limits
 * for every other form stay as they are: raising them for all would let any request spool a gigabyte to disk.
 */
@Controller
class ImportController {

    static final String PAGE_VIEW = "imports/imports";
    static final String JOB_VIEW = "imports/job";
    static final String PROGRESS_FRAGMENT = "imports/job :: progress";
    static final String ITEM_FRAGMENT = "imports/item-rows :: panel";

    /** The query parameter by which the upload script's redirect says how the import began. */
    private static final String FLASH = "import";

    /** The values of {@link #FLASH}: what {@link #began} answers. */
    private static final java.util.Set<String> BEGINNINGS = java.util.Set.of("started", "resumed", "already");

    private final ImportManagement imports;
    private final MessageSource messages;
    private final NetworkManagement network;

    ImportController(ImportManagement imports, MessageSource messages, NetworkManagement network) {
        this.imports = imports;
        this.messages = messages;
        this.network = network;
    }

    /** The item page's panel: the extra columns of the imported rows the item came from; nothing when none. */
    @GetMapping("/imports/items/{id}")
    String itemRows(@PathVariable ItemId id, Model model) {
        model.addAttribute("rows", imports.importedRowsOf(id));
        return ITEM_FRAGMENT;
    }

    @GetMapping("/imports")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("units", imports.unitsForImport(user));
        model.addAttribute("formats", ImportFormat.values());
        model.addAttribute("jobs", imports.recent(20));
        // Jobs of every unit are listed (a network's imports are visible to all); each says whose it is.
        model.addAttribute("unitNames", network.unitNames());
        return PAGE_VIEW;
    }

    @PostMapping("/imports")
    String upload(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam String format,
            @RequestParam UnitId unit,
            RedirectAttributes flash)
            throws IOException {
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("failure", "imports.error.file-required");
            return "redirect:/imports";
        }
        ImportManagement.Started started;
        try (InputStream in = file.getInputStream()) {
            started = imports.upload(
                    user,
                    unit,
                    ImportFormat.fromName(format),
                    file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                    in);
        } catch (DomainException refused) {
            flash.addFlashAttribute("refusal", refused.messageKey());
            flash.addFlashAttribute("refusalArguments", refused.arguments());
            return "redirect:/imports";
        }
        flash.addFlashAttribute("success", flashKey(began(started)));
        return "redirect:/imports/" + started.job().id();
    }

    /** The script's upload: the file is the request body; answers where the job's page is. */
    @PutMapping("/imports/upload")
    ResponseEntity<Map<String, String>> uploadBody(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam String format,
            @RequestParam UnitId unit,
            @RequestParam(defaultValue = "upload") String name,
            HttpServletRequest request,
            Locale locale)
            throws IOException {
        ImportManagement.Started started;
        try (InputStream in = request.getInputStream()) {
            started = imports.upload(user, unit, ImportFormat.fromName(format), name, in);
        } catch (DomainException refused) {
            return ResponseEntity.status(refused.status())
                    .body(Map.of(
                            "error",
                            messages.getMessage(
                                    refused.messageKey(), refused.arguments(), refused.messageKey(), locale)));
        }
        return ResponseEntity.ok(
                Map.of("location", "/imports/" + started.job().id() + "?" + FLASH + "=" + began(started)));
    }

    /** How an import began: {@code already} (done before), {@code resumed} or {@code started}. */
    private static String began(ImportManagement.Started started) {
        if (started.alreadyDone()) {
            return "already";
        }
        return started.job().rowsRead() > 0 ? "resumed" : "started";
    }

    /** The message saying how an import began ({@code imports.flash.started}, ...). */
    private static String flashKey(String began) {
        return "imports.flash." + began;
    }

    @GetMapping("/imports/{id}")
    String job(
            @PathVariable ImportId id,
            @RequestParam(name = FLASH, required = false) @Nullable String began,
            Model model) {
        model.addAttribute("job", imports.job(id));
        if (began != null && BEGINNINGS.contains(began)) {
            model.addAttribute("success", flashKey(began));
        }
        return JOB_VIEW;
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable ImportId id, Model model) {
        model.addAttribute("job", imports.job(id));
        return PROGRESS_FRAGMENT;
    }

    /** Streamed to the response as it is read from the database, in the request's thread (no async dispatch). */
    @GetMapping("/imports/{id}/errors.csv")
    void errors(@PathVariable ImportId id, Locale locale, HttpServletResponse response) throws IOException {
        ImportJob job = imports.job(id);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(job.fileName() + ".errors.csv", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // spreadsheets read the file as UTF-8 with it
        imports.writeErrorReport(id, locale, writer);
    }
}
