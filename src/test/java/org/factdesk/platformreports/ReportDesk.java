package org.factdesk.platformreports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.factdesk.archive.ArchiveFixtures;
import org.factdesk.archive.Snapshot;
import org.factdesk.cases.CaseManagement;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.NetworkManagement;
import org.factdesk.publishing.FactCheck;
import org.factdesk.publishing.PublishingDesk;
import org.factdesk.publishing.PublishingManagement;
import org.factdesk.shared.Platform;
import org.springframework.context.ApplicationContext;

/**
 * Test fixtures for platform reports: a unit whose item was checked and its fact-check published (through the real
 * workflow of {@link PublishingDesk}), with an archived capture of the item's URL; plain items of that unit; and
 * reports recorded through {@link PlatformReportManagement}.
 */
public final class ReportDesk {

    private final PublishingDesk publishingDesk;
    private final IntakeManagement intake;
    private final PlatformReportManagement reports;
    private final ArchiveFixtures archive;

    public ReportDesk(ApplicationContext context) {
        this.publishingDesk = new PublishingDesk(
                context.getBean(NetworkManagement.class),
                context.getBean(IntakeManagement.class),
                context.getBean(CaseManagement.class),
                context.getBean(PublishingManagement.class));
        this.intake = context.getBean(IntakeManagement.class);
        this.reports = context.getBean(PlatformReportManagement.class);
        this.archive = ArchiveFixtures.of(context);
    }

    public PublishingDesk.Team team() {
        return publishingDesk.team();
    }

    public PublishingDesk publishing() {
        return publishingDesk;
    }

    /** An item whose case published {@code factCheck}, and that fact-check. */
    public record Checked(Item item, FactCheck factCheck, Snapshot snapshot) {}

    /** An item of the team's unit, checked and published, with an archived HTML capture of its URL. */
    public Checked checkedItem(PublishingDesk.Team team, String marker) {
        FactCheck factCheck = publishingDesk.published(team, marker);
        Item item = intake.get(factCheck.items().get(0));
        String html = "<!doctype html><html><body><p>Uống nước chanh nóng diệt được virus corona " + marker
                + "</p></body></html>";
        Snapshot snapshot = archive.capture(
                item.id(),
                item.url(),
                "text/html",
                html.getBytes(StandardCharsets.UTF_8),
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        return new Checked(item, factCheck, snapshot);
    }

    /** A plain item of the team's unit (no case), seen on {@code platform}. */
    public Item item(PublishingDesk.Team team, Platform platform, String marker) {
        return intake.submit(
                        team.checker(),
                        SubmitItem.of("https://example.com/posts/" + marker, "Tin đồn cần báo cáo " + marker, platform))
                .item();
    }

    /** A report on {@code item} recorded by the team's editor, sent at {@code sentAt}. */
    public PlatformReport report(PublishingDesk.Team team, Item item, String platform, String policy, Instant sentAt) {
        return reports.submit(
                team.editor(),
                new NewPlatformReport(
                        item.id(),
                        platform,
                        policy,
                        "REF-" + item.id().toString().substring(0, 8),
                        "Nội dung sai sự thật, đã được kiểm chứng.",
                        null,
                        sentAt));
    }

    public ArchiveFixtures archive() {
        return archive;
    }
}
