package org.factdesk.archive.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.factdesk.archive.ArchiveManagement;
import org.factdesk.archive.Snapshot;
import org.factdesk.archive.SnapshotId;
import org.factdesk.archive.internal.SandboxedCopy;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.Role;
import org.factdesk.shared.DomainException;
import org.factdesk.shared.ItemId;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The archive panel of the item page (loaded over htmx), "fetch again", the sandboxed view of a capture and the
 * download of its exact bytes. The view is served under its own security chain ({@link ArchiveViewSecurity}) whose
 * Content-Security-Policy sandboxes it and lets nothing load.
 */
@Controller
class ArchivePages {

    static final String PANEL_FRAGMENT = "archive/item-archive :: panel";
    static final String COPY_VIEW = "archive/copy";
    /** The header carrying the SHA-256 of a download, lower-case hex, as {@code sha256sum} prints it. */
    static final String SHA256_HEADER = "X-Content-SHA256";

    private final ArchiveManagement archive;
    private final IntakeManagement intake;

    ArchivePages(ArchiveManagement archive, IntakeManagement intake) {
        this.archive = archive;
        this.intake = intake;
    }

    @GetMapping("/archive/items/{id}")
    String panel(@AuthenticationPrincipal CurrentUser user, @PathVariable ItemId id, Model model) {
        Item item = intake.get(id);
        model.addAttribute("item", item);
        model.addAttribute("link", archive.link(id).orElse(null));
        List<Snapshot> newestFirst = new ArrayList<>(archive.snapshotsOf(id));
        Collections.reverse(newestFirst);
        model.addAttribute("snapshots", newestFirst);
        model.addAttribute("canRefetch", item.url() != null && user.hasRole(item.unit(), Role.CHECKER));
        return PANEL_FRAGMENT;
    }

    /** htmx gets the panel back (with the refusal, if any); a plain form post goes back to the item page. */
    @PostMapping("/archive/items/{id}/refetch")
    String refetch(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable ItemId id,
            HttpServletRequest request,
            Model model,
            RedirectAttributes flash) {
        String outcome = "archive.refetch.scheduled";
        boolean refused = false;
        try {
            archive.refetch(user, id);
        } catch (DomainException refusal) {
            outcome = refusal.messageKey();
            refused = true;
        }
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute(refused ? "refusal" : "notice", outcome);
            return panel(user, id, model);
        }
        flash.addFlashAttribute(refused ? "failure" : "success", outcome);
        return "redirect:/items/" + id;
    }

    @GetMapping("/archive/snapshots/{id}/view")
    String view(@PathVariable SnapshotId id, Model model) {
        Snapshot snapshot = archive.snapshot(id);
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("content", SandboxedCopy.of(snapshot, bytes(id)));
        return COPY_VIEW;
    }

    /**
     * The capture's bytes exactly as received, as a download named after their hash. Sent as
     * {@code application/octet-stream} whatever they are, so a browser never renders archived content from the desk's
     * origin; the hash travels in the X-Content-SHA256 header (hex) and in Repr-Digest (RFC 9530, base64).
     */
    @GetMapping("/archive/snapshots/{id}/raw")
    ResponseEntity<InputStreamResource> raw(@PathVariable SnapshotId id) {
        Snapshot snapshot = archive.snapshot(id);
        InputStream content = archive.openContent(id);
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(snapshot.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(snapshot.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(snapshot.fileName())
                                .build()
                                .toString())
                .header(SHA256_HEADER, snapshot.sha256())
                .header("Repr-Digest", "sha-256=:" + base64 + ":")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    private byte[] bytes(SnapshotId id) {
        try (InputStream in = archive.openContent(id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
