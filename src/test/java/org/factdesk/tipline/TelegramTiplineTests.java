package org.factdesk.tipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.ItemAttachment;
import org.factdesk.matching.MatchingManagement;
import org.factdesk.network.NetworkManagement;
import org.factdesk.publishing.FactCheckPublished;
import org.factdesk.shared.DataDirectory;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

/** The Telegram tipline end to end: webhook in, Bot API calls out to a real HTTP stand-in on loopback. */
@DeskTest
class TelegramTiplineTests {

    static final String SECRET = "test-secret_" + Long.toHexString(System.nanoTime());
    static final BotApiStandIn BOT_API;
    private static final AtomicLong UPDATE_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private static final AtomicLong CHAT_IDS = new AtomicLong(700_000_000L + System.nanoTime() % 1_000_000L);
    private static final Pattern REFERENCE = Pattern.compile("TIP-[0-9A-Z]{8}");
    private static final String FIRST_NAME = "Nguyễn Thị Riêngtư";
    private static final String USERNAME = "private_handle_zz";

    static {
        try {
            BOT_API = new BotApiStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("factdesk.tipline.telegram.bot-token", () -> BotApiStandIn.TOKEN);
        registry.add("factdesk.tipline.telegram.secret-token", () -> SECRET);
        registry.add("factdesk.tipline.telegram.api-base-url", BOT_API::baseUrl);
    }

    @AfterAll
    static void stopStandIn() {
        BOT_API.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    NetworkManagement network;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CaseManagement cases;

    @Autowired
    MatchingManagement matching;

    @Autowired
    TiplineService tipline;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataDirectory dataDirectory;

    TiplineDesk desk;
    String marker;
    String chatId;

    @BeforeEach
    void setUp() {
        desk = new TiplineDesk(network, intake, cases, matching, tipline, events, transactions);
        marker = TiplineDesk.marker();
        chatId = Long.toString(CHAT_IDS.incrementAndGet());
    }

    @Test
    void answersAMatchingMessageWithThePublishedFactCheck() throws Exception {
        String claim = "Uống nước chanh nóng " + marker + " diệt được virus corona";
        FactCheckPublished published = desk.published(
                claim, "Nước chanh nóng " + marker + " không diệt được virus", "uong nuoc chanh nong " + marker);

        long update = UPDATE_IDS.incrementAndGet();
        webhook(textUpdate(update, "Mn ơi uống nước chanh nóng " + marker + " là diệt được virus corona đó", "vi"))
                .andExpect(status().isOk());

        List<String> replies = BOT_API.messagesTo(chatId);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0))
                .contains(published.headline())
                .contains("Sai sự thật")
                .contains(published.url())
                .containsPattern(REFERENCE);
    }

    @Test
    void thanksForAnUnmatchedMessageAndSendsTheFactCheckWhenItIsPublished() throws Exception {
        long update = UPDATE_IDS.incrementAndGet();
        webhook(textUpdate(update, "Tin đồn mới: tỏi ngâm " + marker + " chữa khỏi tiểu đường trong ba ngày", "vi"))
                .andExpect(status().isOk());
        List<String> replies = BOT_API.messagesTo(chatId);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0)).contains("Cảm ơn bạn").contains("chưa có bài kiểm chứng");
        String reference = reference(replies.get(0));
        Tip tip = tipline.find(reference).orElseThrow();
        assertThat(tip.answered()).isFalse();
        Item item = intake.get(tip.item());
        assertThat(item.tipChannel()).isEqualTo("telegram");
        assertThat(item.platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(item.submittedBy()).isNull();

        Case kase =
                desk.publishedCase("Tỏi ngâm " + marker + " chữa khỏi tiểu đường", Rating.FALSE, List.of(item.id()));
        FactCheckPublished published = desk.announce(kase, "Tỏi ngâm " + marker + " không chữa được tiểu đường");

        List<String> later = TiplineDesk.eventually(() -> BOT_API.messagesTo(chatId), sent -> sent.size() >= 2);
        assertThat(later).hasSize(2);
        assertThat(later.get(1))
                .contains(reference)
                .contains(published.headline())
                .contains(published.url())
                .contains("Sai sự thật");
        assertThat(TiplineDesk.eventually(() -> tipline.find(reference).orElseThrow(), Tip::answered)
                        .answered())
                .isTrue();

        // A correction of the same fact-check is not sent again.
        desk.announce(kase, published.headline() + " (cập nhật)");
        Thread.sleep(500);
        assertThat(BOT_API.messagesTo(chatId)).hasSize(2);
    }

    @Test
    void storesAPhotoAsAnAttachmentOfTheItemWithItsHash() throws Exception {
        byte[] png = png(marker);
        BOT_API.servePhoto(png);
        long update = UPDATE_IDS.incrementAndGet();
        webhook("""
                {"update_id": %d, "message": {"message_id": 7, "date": 1700000000,
                  "from": {"id": %s, "is_bot": false, "first_name": "%s", "username": "%s", "language_code": "en"},
                  "chat": {"id": %s, "type": "private", "first_name": "%s", "username": "%s"},
                  "photo": [
                    {"file_id": "small-%s", "file_unique_id": "s1", "width": 90, "height": 60, "file_size": 1200},
                    {"file_id": "large-%s", "file_unique_id": "l1", "width": 1280, "height": 853, "file_size": %d},
                    {"file_id": "medium-%s", "file_unique_id": "m1", "width": 320, "height": 213, "file_size": 9000}
                  ]}}
                """.formatted(
                                update,
                                chatId,
                                FIRST_NAME,
                                USERNAME,
                                chatId,
                                FIRST_NAME,
                                USERNAME,
                                marker,
                                marker,
                                png.length,
                                marker))
                .andExpect(status().isOk());

        assertThat(BOT_API.calls()).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("getFile");
            assertThat(call.body().path("file_id").asString("")).isEqualTo("large-" + marker);
        });
        List<String> replies = BOT_API.messagesTo(chatId);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0)).contains("Thank you");
        Tip tip = tipline.find(reference(replies.get(0))).orElseThrow();
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        List<ItemAttachment> attachments = intake.attachments(tip.item());
        assertThat(attachments).singleElement().satisfies(attachment -> {
            assertThat(attachment.sha256()).isEqualTo(sha256);
            assertThat(attachment.mediaType()).isEqualTo("image/png");
            assertThat(attachment.sizeBytes()).isEqualTo(png.length);
        });
        Path stored = dataDirectory.root().resolve("attachments").resolve(sha256);
        assertThat(Files.readAllBytes(stored)).isEqualTo(png);
        assertThat(intake.get(tip.item()).text()).contains(sha256);
    }

    @Test
    void handlesARetriedUpdateOnce() throws Exception {
        long update = UPDATE_IDS.incrementAndGet();
        String body = textUpdate(update, "Retried rumour " + marker + " about a miracle cure for the flu", "en");
        webhook(body).andExpect(status().isOk());
        webhook(body).andExpect(status().isOk());
        webhook(body).andExpect(status().isOk());

        assertThat(BOT_API.messagesTo(chatId)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from tipline_tip where channel = 'telegram' and channel_message_id = :id")
                        .param("id", Long.toString(update))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(intake.get(tipline.find(reference(BOT_API.messagesTo(chatId).get(0)))
                                .orElseThrow()
                                .item())
                        .timesSeen())
                .isEqualTo(1);
    }

    @Test
    void refusesAWrongOrMissingSecretAndStoresNothing() throws Exception {
        long update = UPDATE_IDS.incrementAndGet();
        String body = textUpdate(update, "Secret check " + marker, "en");
        mvc.perform(post("/hooks/telegram")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Telegram-Bot-Api-Secret-Token", SECRET + "x")
                        .content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/hooks/telegram")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());

        assertThat(updateCount(update)).isZero();
        assertThat(BOT_API.messagesTo(chatId)).isEmpty();
    }

    @Test
    void recordsAnUnknownUpdateTypeAsIgnored() throws Exception {
        long update = UPDATE_IDS.incrementAndGet();
        webhook("""
                {"update_id": %d, "edited_message": {"message_id": 3, "date": 1700000000, "edit_date": 1700000100,
                  "chat": {"id": %s, "type": "private"}, "text": "edited %s"}}
                """.formatted(update, chatId, marker)).andExpect(status().isOk());
        long other = UPDATE_IDS.incrementAndGet();
        webhook("{\"update_id\": %d, \"poll\": {\"id\": \"p\", \"question\": \"?\"}}".formatted(other))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("select outcome, kind from tipline_update where channel = 'telegram' and update_id = :id")
                        .param("id", update)
                        .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2))
                        .single())
                .isEqualTo("IGNORED/edited_message");
        assertThat(jdbc.sql("select outcome from tipline_update where channel = 'telegram' and update_id = :id")
                        .param("id", other)
                        .query(String.class)
                        .single())
                .isEqualTo("IGNORED");
        assertThat(BOT_API.messagesTo(chatId)).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotAnUpdate() throws Exception {
        webhook("{\"message\": {}}").andExpect(status().isBadRequest());
        webhook("not json").andExpect(status().isBadRequest());
    }

    @Test
    void answersStartAndHelpInVietnameseAndEnglish() throws Exception {
        webhook(textUpdate(UPDATE_IDS.incrementAndGet(), "/start", "vi")).andExpect(status().isOk());
        webhook(textUpdate(UPDATE_IDS.incrementAndGet(), "/help", "en")).andExpect(status().isOk());
        webhook(textUpdate(UPDATE_IDS.incrementAndGet(), "/help", null)).andExpect(status().isOk());

        List<String> replies = BOT_API.messagesTo(chatId);
        assertThat(replies).hasSize(3);
        assertThat(replies.get(0)).startsWith("Xin chào! Đây là kênh tin báo FactDesk.");
        assertThat(replies.get(1)).startsWith("Hello! This is the FactDesk tipline.");
        assertThat(replies.get(2)).startsWith("Hello!");
        assertThat(jdbc.sql("select count(*) from tipline_tip t join intake_item i on i.id = t.item_id"
                                + " where i.text like '/%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void limitsTheTipsOfOneChat() throws Exception {
        for (int i = 0; i < 20; i++) {
            webhook(textUpdate(UPDATE_IDS.incrementAndGet(), "Burst " + marker + " rumour number " + i, "en"))
                    .andExpect(status().isOk());
        }
        webhook(textUpdate(UPDATE_IDS.incrementAndGet(), "Burst " + marker + " one too many", "en"))
                .andExpect(status().isOk());
        webhook(textUpdate(UPDATE_IDS.incrementAndGet(), "Burst " + marker + " two too many", "en"))
                .andExpect(status().isOk());

        List<String> replies = BOT_API.messagesTo(chatId);
        assertThat(replies).hasSize(21);
        assertThat(replies.get(20)).contains("Too many tips");
        assertThat(jdbc.sql("select count(*) from intake_item where text like :m")
                        .param("m", "%" + marker + "%too many%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void keepsTheChatIdEncryptedAndNoNamesAndErasesItAfterRetention() throws Exception {
        long update = UPDATE_IDS.incrementAndGet();
        webhook(textUpdate(update, "Privacy rumour " + marker + " about vaccines and magnets", "en"))
                .andExpect(status().isOk());
        String reference = reference(BOT_API.messagesTo(chatId).get(0));

        Map<String, Object> tip = jdbc.sql("select * from tipline_tip where reference = :r")
                .param("r", reference)
                .query()
                .singleRow();
        Map<String, Object> item = jdbc.sql("select * from intake_item where id = :id")
                .param("id", tipline.find(reference).orElseThrow().item().value())
                .query()
                .singleRow();
        Map<String, Object> recorded = jdbc.sql("select * from tipline_update where update_id = :id")
                .param("id", update)
                .query()
                .singleRow();
        for (Map<String, Object> row : List.of(tip, item, recorded)) {
            assertThat(row.values().toString())
                    .doesNotContain(chatId)
                    .doesNotContain(FIRST_NAME)
                    .doesNotContain("Nguyễn")
                    .doesNotContain(USERNAME);
        }
        assertThat((String) tip.get("sender")).startsWith("v1:");

        assertThat(tipline.eraseSendersReceivedBefore(Instant.now().plusSeconds(1)))
                .isPositive();
        assertThat(jdbc.sql("select sender from tipline_tip where reference = :r")
                        .param("r", reference)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void registersTheWebhookWithTheSecret() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TelegramWebhookCommand.main(
                new String[] {"--url", "https://desk.example.org/hooks/telegram"},
                Map.of(
                        "FACTDESK_TELEGRAM_BOT_TOKEN",
                        BotApiStandIn.TOKEN,
                        "FACTDESK_TELEGRAM_SECRET",
                        SECRET,
                        "FACTDESK_TELEGRAM_API_BASE_URL",
                        BOT_API.baseUrl()),
                new PrintStream(out),
                new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(BOT_API.calls()).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("setWebhook");
            assertThat(call.body().path("url").asString("")).isEqualTo("https://desk.example.org/hooks/telegram");
            assertThat(call.body().path("secret_token").asString("")).isEqualTo(SECRET);
        });
        assertThat(TelegramWebhookCommand.main(
                        new String[] {"--url", "http://insecure.example.org/hooks/telegram"},
                        Map.of(),
                        new PrintStream(out),
                        new PrintStream(err)))
                .isEqualTo(2);
    }

    private ResultActions webhook(String body) throws Exception {
        return mvc.perform(post("/hooks/telegram")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .content(body));
    }

    private String textUpdate(long update, String text, String languageCode) {
        String language = languageCode == null ? "" : ", \"language_code\": \"" + languageCode + "\"";
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                  "from": {"id": %s, "is_bot": false, "first_name": "%s", "username": "%s"%s},
                  "chat": {"id": %s, "type": "private", "first_name": "%s", "username": "%s"},
                  "text": "%s"}}
                """.formatted(
                update, update % 100000, chatId, FIRST_NAME, USERNAME, language, chatId, FIRST_NAME, USERNAME, text);
    }

    private long updateCount(long update) {
        return jdbc.sql("select count(*) from tipline_update where update_id = :id")
                .param("id", update)
                .query(Long.class)
                .single();
    }

    private static String reference(String reply) {
        Matcher matcher = REFERENCE.matcher(reply);
        assertThat(matcher.find()).as("a reference in: %s", reply).isTrue();
        return matcher.group();
    }

    /** A small valid PNG whose bytes depend on {@code seed}, so every test stores a new file. */
    private static byte[] png(String seed) throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, seed.hashCode());
        image.setRGB(1, 1, (int) System.nanoTime());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
