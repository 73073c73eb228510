package org.factdesk.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.factdesk.cases.Rating;
import org.factdesk.publishing.PublishingExceptions.FourEyesRefused;
import org.factdesk.publishing.PublishingExceptions.IllegalFactCheckStep;
import org.factdesk.publishing.PublishingExceptions.InvalidFactCheckInput;
import org.factdesk.publishing.PublishingExceptions.NoProposal;
import org.factdesk.publishing.PublishingExceptions.ProposalPending;
import org.factdesk.shared.CaseId;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.factdesk.shared.UnitId;
import org.factdesk.shared.UserId;
import org.junit.jupiter.api.Test;

class FactCheckTests {

    static final UserId WRITER = UserId.random();
    static final UserId EDITOR = UserId.random();
    static final UserId EDITOR2 = UserId.random();
    static final String URL = "https://factdesk.example/fact-checks/nuoc-chanh";

    static Instant at(int minute) {
        return Instant.parse("2025-03-01T08:00:00Z").plusSeconds(60L * minute);
    }

    static Article article() {
        return new Article(
                "Nước chanh nóng không diệt được virus",
                "Uống nước chanh nóng diệt được virus corona",
                "Sai: không có bằng chứng.",
                "Nội dung **bài**.");
    }

    static FactCheck draft() {
        return FactCheck.draft(
                FactCheckId.random(),
                CaseId.random(),
                UnitId.random(),
                "nuoc-chanh",
                Language.VI,
                article(),
                Rating.FALSE,
                List.of("covid-19"),
                List.of(new SourceLink("WHO", "https://www.who.int/", null)),
                List.of(ItemId.random()),
                List.of(new Appearance("https://facebook.com/posts/1", Platform.FACEBOOK, at(-100))),
                WRITER,
                at(0));
    }

    static FactCheck published() {
        FactCheck factCheck = draft();
        factCheck.publish(URL, EDITOR, at(5));
        factCheck.saved(2);
        return factCheck;
    }

    @Test
    void refusesPublicationByTheWriter() {
        FactCheck factCheck = draft();
        assertThatThrownBy(() -> factCheck.publish(URL, WRITER, at(1))).isInstanceOf(FourEyesRefused.class);
        assertThat(factCheck.state()).isEqualTo(FactCheckState.DRAFT);
        assertThat(factCheck.events()).isEmpty();
    }

    @Test
    void refusesPublicationByTheLastEditorOfTheDraft() {
        FactCheck factCheck = draft();
        factCheck.edit(article(), "nuoc-chanh", EDITOR, at(1));
        assertThatThrownBy(() -> factCheck.publish(URL, EDITOR, at(2))).isInstanceOf(FourEyesRefused.class);
        factCheck.publish(URL, EDITOR2, at(3));
        assertThat(factCheck.state()).isEqualTo(FactCheckState.PUBLISHED);
    }

    @Test
    void publishingRaisesFactCheckPublished() {
        FactCheck factCheck = draft();
        factCheck.publish(URL, EDITOR, at(5));
        assertThat(factCheck.publishedAt()).isEqualTo(at(5));
        assertThat(factCheck.events()).singleElement().isInstanceOfSatisfying(FactCheckPublished.class, event -> {
            assertThat(event.url()).isEqualTo(URL);
            assertThat(event.correction()).isFalse();
            assertThat(event.rating()).isEqualTo(Rating.FALSE);
            assertThat(event.items()).hasSize(1);
            assertThat(event.language()).isEqualTo(Language.VI);
        });
    }

    @Test
    void aPublishedFactCheckIsNeitherEditedNorPublishedAgain() {
        FactCheck factCheck = published();
        assertThatThrownBy(() -> factCheck.edit(article(), "x", WRITER, at(6)))
                .isInstanceOf(IllegalFactCheckStep.class);
        assertThatThrownBy(() -> factCheck.publish(URL, EDITOR2, at(6))).isInstanceOf(IllegalFactCheckStep.class);
    }

    @Test
    void aCorrectionIsApprovedBySomeoneElseAndKeptInTheHistory() {
        FactCheck factCheck = published();
        Article revised = new Article(
                article().headline(),
                article().claim(),
                "Sai: không có bằng chứng (đã sửa).",
                article().body());
        factCheck.proposeCorrection(revised, "Tóm tắt", "Diễn đạt chưa rõ", EDITOR, at(10));
        assertThat(factCheck.article()).isEqualTo(article());
        assertThatThrownBy(() -> factCheck.approveProposal(URL, EDITOR, at(11))).isInstanceOf(FourEyesRefused.class);
        assertThatThrownBy(() -> factCheck.proposeWithdrawal("x", WRITER, at(11)))
                .isInstanceOf(ProposalPending.class);

        factCheck.approveProposal(URL, EDITOR2, at(12));

        assertThat(factCheck.article()).isEqualTo(revised);
        assertThat(factCheck.corrections()).singleElement().satisfies(correction -> {
            assertThat(correction.what()).isEqualTo("Tóm tắt");
            assertThat(correction.why()).isEqualTo("Diễn đạt chưa rõ");
            assertThat(correction.proposedBy()).isEqualTo(EDITOR);
            assertThat(correction.approvedBy()).isEqualTo(EDITOR2);
            assertThat(correction.at()).isEqualTo(at(12));
        });
        assertThat(factCheck.updatedAt()).isEqualTo(at(12));
        assertThat(factCheck.proposal()).isNull();
        assertThat(factCheck.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        FactCheckPublished.class,
                        event -> assertThat(event.correction()).isTrue());
    }

    @Test
    void refusesACorrectionThatChangesNothingOrSaysNotWhy() {
        FactCheck factCheck = published();
        assertThatThrownBy(() -> factCheck.proposeCorrection(article(), "x", "y", EDITOR, at(10)))
                .isInstanceOf(InvalidFactCheckInput.class);
        Article revised = new Article(
                "Khác", article().claim(), article().summary(), article().body());
        assertThatThrownBy(() -> factCheck.proposeCorrection(revised, "x", "  ", EDITOR, at(10)))
                .isInstanceOf(InvalidFactCheckInput.class)
                .hasMessageContaining("publishing.error.why-required");
        assertThat(factCheck.proposal()).isNull();
    }

    @Test
    void aWithdrawalKeepsTheReasonAndRaisesFactCheckWithdrawn() {
        FactCheck factCheck = published();
        factCheck.proposeWithdrawal("Nguồn sai", WRITER, at(20));
        factCheck.approveProposal(URL, EDITOR, at(21));
        assertThat(factCheck.state()).isEqualTo(FactCheckState.WITHDRAWN);
        assertThat(factCheck.isPublic()).isTrue();
        assertThat(factCheck.withdrawal()).isEqualTo(new Withdrawal("Nguồn sai", EDITOR, at(21)));
        assertThat(factCheck.events()).singleElement().isInstanceOfSatisfying(FactCheckWithdrawn.class, event -> {
            assertThat(event.reason()).isEqualTo("Nguồn sai");
            assertThat(event.url()).isEqualTo(URL);
        });
        assertThatThrownBy(() -> factCheck.proposeCorrection(article(), "x", "y", WRITER, at(22)))
                .isInstanceOf(IllegalFactCheckStep.class);
    }

    @Test
    void nothingToApproveOrDiscardWithoutAProposal() {
        FactCheck factCheck = published();
        assertThatThrownBy(() -> factCheck.approveProposal(URL, EDITOR2, at(9))).isInstanceOf(NoProposal.class);
        assertThatThrownBy(factCheck::discardProposal).isInstanceOf(NoProposal.class);
    }

    @Test
    void aDraftCannotBeCorrectedOrWithdrawn() {
        FactCheck factCheck = draft();
        assertThatThrownBy(() -> factCheck.proposeWithdrawal("x", EDITOR, at(1)))
                .isInstanceOf(IllegalFactCheckStep.class);
        assertThat(factCheck.isPublic()).isFalse();
    }

    @Test
    void checksTheWordsAndTheAddress() {
        assertThatThrownBy(() -> FactCheck.checked(new Article(" ", "c", "s", "b")))
                .hasMessageContaining("publishing.error.headline-required");
        assertThatThrownBy(() -> FactCheck.checked(new Article("h", "c", "s", "b".repeat(FactCheck.MAX_BODY + 1))))
                .hasMessageContaining("publishing.error.body-too-long");
        assertThatThrownBy(() -> FactCheck.checkedSlug("Có dấu")).hasMessageContaining("publishing.error.slug-format");
        assertThatThrownBy(() -> FactCheck.checkedSlug("a--b")).hasMessageContaining("publishing.error.slug-format");
        assertThat(FactCheck.checkedSlug(" nuoc-chanh-2 ")).isEqualTo("nuoc-chanh-2");
    }

    @Test
    void makesReadableAddressesFromVietnameseHeadlines() {
        assertThat(FactCheck.slugOf("Nước chanh nóng KHÔNG diệt được virus corona!"))
                .isEqualTo("nuoc-chanh-nong-khong-diet-duoc-virus-corona");
        assertThat(FactCheck.slugOf("Đà Nẵng: tin đồn")).isEqualTo("da-nang-tin-don");
        assertThat(FactCheck.slugOf("!!!")).isEqualTo("fact-check");
        assertThat(FactCheck.slugOf("từ ".repeat(80))).hasSizeLessThanOrEqualTo(FactCheck.MAX_SLUG);
        assertThat(FactCheck.checkedSlug(FactCheck.slugOf("từ ".repeat(80)))).isNotBlank();
    }
}
