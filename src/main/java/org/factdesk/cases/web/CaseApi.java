package org.factdesk.cases.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseExceptions.EvidenceNotFound;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CaseManagement.EvidenceDownload;
import org.factdesk.cases.CaseQuery;
import org.factdesk.cases.CaseState;
import org.factdesk.cases.EvidenceId;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.web.CaseJson.SummaryJson;
import org.factdesk.cases.web.CaseRequests.AssignRequest;
import org.factdesk.cases.web.CaseRequests.CloseRequest;
import org.factdesk.cases.web.CaseRequests.CommentRequest;
import org.factdesk.cases.web.CaseRequests.EvidenceRequest;
import org.factdesk.cases.web.CaseRequests.OpenCaseRequest;
import org.factdesk.cases.web.CaseRequests.ReviewRequest;
import org.factdesk.cases.web.CaseRequests.TriageRequest;
import org.factdesk.cases.web.CaseRequests.VerdictRequest;
import org.factdesk.network.CurrentUser;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.PageOf;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases over HTTP. Every change answers the whole updated case, so that a client never needs a second call to see
 * the new state, history and evidence. Refusals are RFC 9457 problems from the shared advice.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

    private final CaseManagement cases;

    CaseApi(CaseManagement cases) {
        this.cases = cases;
    }

    @InitBinder
    void rules(WebDataBinder binder) {
        binder.addValidators(new CaseRequestRules());
    }

    @GetMapping
    PageOf<SummaryJson> list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Nullable CaseState state,
            @RequestParam(defaultValue = "false") boolean assignedToMe,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return cases.find(user, new CaseQuery(state, assignedToMe), page, size).map(SummaryJson::of);
    }

    @PostMapping
    ResponseEntity<CaseJson> open(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OpenCaseRequest request) {
        Case kase = cases.open(
                user,
                new OpenCase(
                        request.unit() == null ? null : new UnitId(request.unit()),
                        request.title(),
                        request.claims().stream()
                                .map(claim -> new NewClaim(claim.text(), claim.language()))
                                .toList(),
                        request.items().stream().map(ItemId::new).toList()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + kase.id())).body(CaseJson.of(kase));
    }

    @GetMapping("/{id}")
    CaseJson get(@AuthenticationPrincipal CurrentUser user, @PathVariable CaseId id) {
        return CaseJson.of(cases.get(user, id));
    }

    @PostMapping("/{id}/triage")
    CaseJson triage(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody TriageRequest request) {
        return CaseJson.of(cases.triage(user, id, request.priority(), request.topics()));
    }

    @PostMapping("/{id}/assign")
    CaseJson assign(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody AssignRequest request) {
        return CaseJson.of(cases.assign(user, id, new UserId(request.assignee())));
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseJson addEvidence(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody EvidenceRequest request) {
        NewEvidence evidence = switch (request.kind()) {
            case LINK -> new NewEvidence.Link(request.url(), request.title(), request.summary());
            case NOTE ->
                new NewEvidence.Note(
                        request.text() != null && !request.text().isBlank() ? request.text() : request.summary());
            case FILE -> throw new IllegalStateException("refused by CaseRequestRules");
        };
        return CaseJson.of(cases.addEvidence(user, id, evidence));
    }

    @PostMapping(path = "/{id}/evidence/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CaseJson addFile(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String summary) {
        try (InputStream content = file.getInputStream()) {
            return CaseJson.of(cases.addFile(user, id, file.getOriginalFilename(), content, title, summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}/evidence/{evidenceId}/file")
    ResponseEntity<Resource> file(
            @AuthenticationPrincipal CurrentUser user, @PathVariable CaseId id, @PathVariable EvidenceId evidenceId) {
        return download(cases.evidenceFile(user, id, evidenceId), evidenceId);
    }

    @PostMapping("/{id}/comments")
    CaseJson comment(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody CommentRequest request) {
        return CaseJson.of(cases.comment(user, id, request.text()));
    }

    @PostMapping("/{id}/verdict")
    CaseJson verdict(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody VerdictRequest request) {
        return CaseJson.of(cases.proposeVerdict(user, id, request.rating(), request.summary()));
    }

    @PostMapping("/{id}/review")
    CaseJson review(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody ReviewRequest request) {
        Case kase = switch (request.decision()) {
            case APPROVE -> cases.approve(user, id);
            case SEND_BACK -> cases.sendBack(user, id, request.note() == null ? "" : request.note());
        };
        return CaseJson.of(kase);
    }

    @PostMapping("/{id}/close")
    CaseJson close(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable CaseId id,
            @Valid @RequestBody CloseRequest request) {
        return CaseJson.of(cases.close(user, id, request.reason(), request.note()));
    }

    /**
     * Sends a stored evidence file as an attachment with the type found at upload, never rendered in the desk's
     * origin: {@code nosniff} and a sandboxing content security policy keep an uploaded page from running.
     */
    static ResponseEntity<Resource> download(EvidenceDownload download, EvidenceId evidenceId) {
        if (!Files.isReadable(download.path())) {
            throw new EvidenceNotFound(evidenceId);
        }
        MediaType type = MediaType.parseMediaType(download.file().contentType());
        if (type.getType().equals("text")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(download.file().size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.file().name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(new FileSystemResource(download.path()));
    }
}
