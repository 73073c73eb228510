package org.factdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.CaseState;
import org.factdesk.cases.CloseReason;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.demo.DemoContent.DemoClaim;
import org.factdesk.demo.DemoContent.DemoEvidence;
import org.factdesk.demo.DemoContent.DemoItem;
import org.factdesk.demo.DemoContent.OpenQuestion;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.NewUnit;
import org.factdesk.network.NewUser;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.network.UnitKind;
import org.factdesk.publishing.Article;
import org.factdesk.publishing.ClaimReviewImports;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.ImportReport;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.shared.DataDirectory;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.TextFolding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the sample desk when FactDesk starts with {@code --demo} on an empty installation: a provincial desk and a
 * partner newsroom, users in every role, the items of {@code demo/desk.json}, and cases in every state made through
 * the real workflow (opened, triaged, assigned, evidenced, proposed, reviewed by a second person). The demo accounts
 * share one password: {@code FACTDESK_DEMO_PASSWORD}, or a random one printed to the log and written to
 * {@code demo-accounts.txt} in the data directory — never a built-in default.
 */
@Component
@Order(10)
class DemoDesk implements ApplicationRunner {

    static final String OPTION = "demo";
    static final String PROVINCIAL_DESK = "Ban Chỉ đạo tỉnh — Tổ phản ứng nhanh";
    static final String NEWSROOM = "Báo Sức khỏe Cộng đồng (đối tác)";
    /** How many claims of the file end as published fact-checks; the rest stay in review and verification. */
    static final int PUBLISHED = 15;
    /** Other organisations' fact-checks (ClaimReview JSONL) imported with the demo. */
    static final String CLAIM_REVIEWS = "demo/claimreviews.jsonl";

    private static final Logger log = LoggerFactory.getLogger(DemoDesk.class);

    private final NetworkManagement network;
    private final IntakeManagement intake;
    private final CaseManagement cases;
    private final PublishingManagement publishing;
    private final ClaimReviewImports claimReviews;
    private final DemoReports demoReports;
    private final DataDirectory dataDirectory;
    private final JsonMapper json;
    private final Clock clock;
    private final String configuredPassword;

    DemoDesk(
            NetworkManagement network,
            IntakeManagement intake,
            CaseManagement cases,
            PublishingManagement publishing,
            ClaimReviewImports claimReviews,
            DemoReports demoReports,
            DataDirectory dataDirectory,
            JsonMapper json,
            Clock clock,
            @Value("${factdesk.demo.password:}") String configuredPassword) {
        this.network = network;
        this.intake = intake;
        this.cases = cases;
        this.publishing = publishing;
        this.claimReviews = claimReviews;
        this.demoReports = demoReports;
        this.dataDirectory = dataDirectory;
        this.json = json;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        if (network.units().stream().anyMatch(unit -> unit.name().equals(PROVINCIAL_DESK))) {
            log.info("Demo desk already loaded; nothing to do");
            return;
        }
        if (network.hasUsers()) {
            log.warn("--demo loads the sample desk into an empty installation only; this one has users already");
            return;
        }
        load(content());
    }

    /** Loads the sample desk and returns the demo users by role name (for tests and the log). */
    Map<String, CurrentUser> load(DemoContent content) {
        String password = configuredPassword.isBlank() ? randomPassword() : configuredPassword;
        Map<String, CurrentUser> people = people(password);
        CurrentUser checker = people.get("checker");
        CurrentUser partnerChecker = people.get("partner-checker");
        CurrentUser editor = people.get("editor");
        CurrentUser partnerEditor = people.get("partner-editor");

        Map<String, List<ItemId>> itemsByClaim = new LinkedHashMap<>();
        List<Map.Entry<ItemId, OpenQuestion>> questions = new ArrayList<>();
        Instant now = clock.instant();
        // The last post of each published claim arrives after its fact-check, to be recognised on arrival.
        List<String> published =
                content.claims().stream().limit(PUBLISHED).map(DemoClaim::key).toList();
        Map<String, DemoItem> lateArrivals = new LinkedHashMap<>();
        for (DemoItem item : content.items()) {
            if (item.claim() != null && published.contains(item.claim()) && !item.repeatCase()) {
                lateArrivals.put(item.claim(), item);
            }
        }
        int index = 0;
        for (DemoItem item : content.items()) {
            if (item.repeatCase() || lateArrivals.containsValue(item) && countFor(content, item.claim()) > 1) {
                continue;
            }
            var result = submit(item, index++ % 4 == 3 ? partnerChecker : checker, now, index);
            if (item.claim() != null) {
                itemsByClaim
                        .computeIfAbsent(item.claim(), key -> new ArrayList<>())
                        .add(result.item().id());
            } else if (item.openQuestion() != null) {
                questions.add(Map.entry(result.item().id(), item.openQuestion()));
            }
        }

        int number = 0;
        for (DemoClaim claim : content.claims()) {
            boolean partner = number % 5 == 4;
            CurrentUser worker = partner ? partnerChecker : checker;
            CurrentUser reviewer = partner ? partnerEditor : editor;
            List<ItemId> items = itemsByClaim.getOrDefault(claim.key(), List.of());
            Case kase = cases.open(
                    worker,
                    new OpenCase(
                            worker.units().iterator().next(),
                            title(claim.claim()),
                            List.of(new NewClaim(claim.claim(), Language.fromCode(claim.language()))),
                            items));
            kase = cases.triage(worker, kase.id(), 1 + number % 3, claim.topics());
            kase = cases.assign(worker, kase.id(), worker.id());
            CaseState target = number < PUBLISHED
                    ? CaseState.PUBLISHED
                    : number == PUBLISHED + 1 ? CaseState.IN_VERIFICATION : CaseState.IN_REVIEW;
            for (DemoEvidence evidence : claim.evidence()) {
                kase = cases.addEvidence(
                        worker, kase.id(), new NewEvidence.Link(evidence.url(), evidence.title(), evidence.summary()));
            }
            if (target != CaseState.IN_VERIFICATION) {
                Rating rating = Rating.valueOf(claim.rating());
                if (number == 1) {
                    // One case shows the four-eyes rule at work: sent back once, then approved.
                    kase = cases.proposeVerdict(worker, kase.id(), rating, claim.summary());
                    kase = cases.sendBack(reviewer, kase.id(), sendBackNote(claim.language()));
                    kase = cases.comment(worker, kase.id(), reworkComment(claim.language()));
                }
                kase = cases.proposeVerdict(worker, kase.id(), rating, claim.summary());
                if (target == CaseState.PUBLISHED) {
                    cases.approve(reviewer, kase.id());
                    publishFactCheck(kase, claim, worker, reviewer, number);
                }
            }
            number++;
        }

        for (Map.Entry<ItemId, OpenQuestion> entry : questions) {
            openQuestion(entry.getKey(), entry.getValue(), checker, editor);
        }
        for (DemoItem late : lateArrivals.values()) {
            if (countFor(content, late.claim()) > 1) {
                submit(late, checker, now, index++);
            }
        }
        // Repeats of published claims, recognised on arrival, on which a case was opened all the same: the case page
        // shows the fact-check they repeat.
        for (DemoItem repeat : content.items()) {
            if (repeat.repeatCase()) {
                ItemId item = submit(repeat, checker, now, index++).item().id();
                openQuestion(item, repeat.openQuestion(), checker, editor);
            }
        }
        // Rumours still circulating: copies seen over the last days, logged as they keep coming in.
        for (DemoItem item : content.items()) {
            repost(item, List.of(checker, partnerChecker), now);
        }
        List<ItemId> repeatingPublished = published.stream()
                .flatMap(key -> itemsByClaim.getOrDefault(key, List.of()).stream())
                .toList();
        demoReports.record(editor, repeatingPublished, now);
        importExternalFactChecks(editor);
        announce(people, password);
        return people;
    }

    /**
     * The public fact-check of a published demo case: written by the checker, published by the editor; two of them
     * later corrected and one withdrawn, each approved by the other person, so the public site shows every state.
     */
    private void publishFactCheck(Case kase, DemoClaim claim, CurrentUser worker, CurrentUser reviewer, int number) {
        Language language = Language.fromCode(claim.language());
        PublishingManagement.Suggestion suggestion = publishing.suggest(worker, kase.id(), language);
        Article suggested = suggestion.article();
        boolean vietnamese = language == Language.VI;
        String body = (vietnamese ? "## Chúng tôi đã kiểm tra thế nào\n\n" : "## How we checked\n\n")
                + (vietnamese
                        ? "Chúng tôi đối chiếu thông tin với các nguồn chính thức liệt kê bên dưới, tìm bài đăng gốc và"
                                + " hỏi ý kiến chuyên gia y tế. **Trước khi chia sẻ**, hãy kiểm tra nguồn của thông tin."
                        : "We compared the claim with the official sources listed below, traced the original post and"
                                + " asked health experts. **Before sharing**, check where a message comes from.");
        FactCheck factCheck = publishing.draft(
                worker,
                kase.id(),
                language,
                new Article(suggested.headline(), suggested.claim(), suggested.summary(), body),
                suggestion.slug());
        publishing.publish(reviewer, factCheck.id());
        if (number == 2 || number == 13) {
            Article current = factCheck.article();
            publishing.proposeCorrection(
                    worker,
                    factCheck.id(),
                    new Article(
                            current.headline(),
                            current.claim(),
                            current.summary(),
                            current.body()
                                    + (vietnamese
                                            ? "\n\n*Cập nhật:* bổ sung khuyến cáo mới nhất của Bộ Y tế."
                                            : "\n\n*Update:* added the health ministry's latest advice.")),
                    vietnamese
                            ? "Bổ sung khuyến cáo mới nhất của Bộ Y tế"
                            : "Added the health ministry's latest advice",
                    vietnamese
                            ? "Bản đầu chưa dẫn khuyến cáo chính thức mới được công bố"
                            : "The first version did not cite the newly published official advice");
            publishing.approveProposal(reviewer, factCheck.id());
        }
        if (number == 7) {
            publishing.proposeWithdrawal(
                    worker,
                    factCheck.id(),
                    "Nguồn chính của bài đã đính chính số liệu; chúng tôi rút bài để kiểm chứng lại từ đầu.");
            publishing.approveProposal(reviewer, factCheck.id());
        }
    }

    private void openQuestion(ItemId item, OpenQuestion question, CurrentUser checker, CurrentUser editor) {
        Case kase = cases.open(
                checker,
                new OpenCase(
                        checker.units().iterator().next(),
                        title(question.claim()),
                        List.of(new NewClaim(question.claim(), null)),
                        List.of(item)));
        CaseState state = CaseState.valueOf(question.state());
        if (state == CaseState.CLOSED) {
            cases.close(editor, kase.id(), CloseReason.valueOf(question.closeReason()), question.note());
            return;
        }
        if (state != CaseState.NEW) {
            kase = cases.triage(
                    checker, kase.id(), question.priority() == null ? 2 : question.priority(), question.topics());
        }
        if (state == CaseState.IN_VERIFICATION) {
            cases.assign(editor, kase.id(), checker.id());
        }
    }

    /**
     * Copies of an item seen again on the days of its {@code reposts}: the first few lightly edited (new items of its
     * rumour), then the same texts again (more copies of those items).
     */
    private void repost(DemoItem item, List<CurrentUser> submitters, Instant now) {
        List<Integer> days = item.reposts() == null ? List.of() : item.reposts();
        for (int k = 0; k < days.size(); k++) {
            String text = switch (k % 6) {
                case 0 -> "‼️ " + item.text();
                case 1 -> item.text() + " Chia sẻ ngay cho mọi người cùng biết!";
                case 2 -> TextFolding.fold(item.text());
                case 3 -> item.text() + " 🙏🙏";
                case 4 -> "[Chuyển tiếp] " + item.text();
                default -> item.text();
            };
            intake.submit(
                    submitters.get(k % submitters.size()),
                    new SubmitItem(
                            null,
                            null,
                            null,
                            text,
                            item.platform(),
                            Language.fromCode(item.language()),
                            now.minus(Duration.ofDays(days.get(k))).minus(Duration.ofMinutes(23L * k)),
                            null,
                            null));
        }
    }

    private org.factdesk.intake.SubmissionResult submit(DemoItem item, CurrentUser submitter, Instant now, int index) {
        return intake.submit(
                submitter,
                new SubmitItem(
                        null,
                        item.url(),
                        null,
                        item.text(),
                        item.platform(),
                        Language.fromCode(item.language()),
                        now.minus(Duration.ofDays(item.seenDaysAgo())).minus(Duration.ofMinutes(index * 37L)),
                        item.engagement(),
                        null));
    }

    private static long countFor(DemoContent content, @Nullable String claim) {
        return content.items().stream()
                .filter(item -> claim != null && claim.equals(item.claim()))
                .count();
    }

    private Map<String, CurrentUser> people(String password) {
        var admin = network.createFirstAdministrator(
                "admin@demo.factdesk.vn", "Lê Minh Quản", password, Language.VI, PROVINCIAL_DESK);
        CurrentUser administrator = network.signedIn(admin.id()).orElseThrow();
        Unit desk = network.units().stream()
                .filter(unit -> unit.name().equals(PROVINCIAL_DESK))
                .findFirst()
                .orElseThrow();
        Unit newsroom = network.createUnit(administrator, new NewUnit(NEWSROOM, UnitKind.PARTNER_NEWSROOM));
        administrator = network.signedIn(admin.id()).orElseThrow();
        Map<String, CurrentUser> people = new LinkedHashMap<>();
        people.put("admin", administrator);
        people.put(
                "editor",
                user(
                        administrator,
                        "editor@demo.factdesk.vn",
                        "Trần Thu Biên",
                        desk,
                        Role.EDITOR,
                        password,
                        Language.VI));
        people.put(
                "checker",
                user(
                        administrator,
                        "checker@demo.factdesk.vn",
                        "Nguyễn Văn Kiểm",
                        desk,
                        Role.CHECKER,
                        password,
                        Language.VI));
        people.put(
                "viewer",
                user(
                        administrator,
                        "viewer@demo.factdesk.vn",
                        "Phạm Thị Xem",
                        desk,
                        Role.VIEWER,
                        password,
                        Language.VI));
        people.put(
                "partner-editor",
                user(
                        administrator,
                        "editor@partner.demo.factdesk.vn",
                        "Hoàng Anh Editor",
                        newsroom,
                        Role.EDITOR,
                        password,
                        Language.EN));
        people.put(
                "partner-checker",
                user(
                        administrator,
                        "checker@partner.demo.factdesk.vn",
                        "Đỗ Mai Checker",
                        newsroom,
                        Role.CHECKER,
                        password,
                        Language.EN));
        return people;
    }

    private CurrentUser user(
            CurrentUser admin, String email, String name, Unit unit, Role role, String password, Language language) {
        var account = network.createUser(admin, new NewUser(email, name, password, language, unit.id(), role));
        return network.signedIn(account.id()).orElseThrow();
    }

    private void announce(Map<String, CurrentUser> people, String password) {
        StringBuilder text = new StringBuilder("FactDesk demo accounts (password: ")
                .append(password)
                .append(")\n");
        people.forEach((role, user) -> text.append(String.format("  %-16s %s%n", role, user.email())));
        log.info("Loaded the demo desk.\n{}", text);
        try {
            Path file = dataDirectory.root().resolve("demo-accounts.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not write demo-accounts.txt: {}", e.getMessage());
        }
    }

    /**
     * Other organisations' fact-checks of {@code demo/claimreviews.jsonl} (ClaimReview records written for the demo
     * in the shape of real ones), imported as external fact-checks so that matching knows them from day one.
     */
    private void importExternalFactChecks(CurrentUser editor) {
        try (InputStream in = new ClassPathResource(CLAIM_REVIEWS).getInputStream()) {
            ImportReport report = claimReviews.importJson(
                    editor, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            log.info("Demo external fact-checks: {}", report.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(CLAIM_REVIEWS + " is missing or unreadable", e);
        }
    }

    DemoContent content() {
        try (InputStream in = new ClassPathResource("demo/desk.json").getInputStream()) {
            return json.readValue(in, DemoContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/desk.json is missing or unreadable", e);
        }
    }

    private static String title(String claim) {
        String line = claim.strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    private static String sendBackNote(String language) {
        return language.equals("vi")
                ? "Cần thêm một nguồn chính thức của Bộ Y tế trước khi công bố."
                : "Please add an official health authority source before publishing.";
    }

    private static String reworkComment(String language) {
        return language.equals("vi")
                ? "Đã bổ sung nguồn chính thức, đề nghị duyệt lại."
                : "Official source added; please review again.";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
