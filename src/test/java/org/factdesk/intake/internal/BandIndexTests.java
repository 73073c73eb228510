package org.factdesk.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.Item;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.Role;
import org.factdesk.shared.ItemId;
import org.factdesk.shared.Platform;
import org.factdesk.testing.DeskTest;
import org.factdesk.testing.OwnText;
import org.factdesk.testing.TestAccounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The band index is derived from the stored fingerprints: a node that did not store an item (another node, or this
 * one before its index existed) finds it all the same after catching up; an index that has seen more than the
 * database holds is rebuilt from the database; a document left by a rolled-back submission never makes a cluster.
 */
@DeskTest
class BandIndexTests {

    @Autowired
    IntakeManagement intake;

    @Autowired
    NetworkManagement network;

    @Autowired
    Clusters clusters;

    @Autowired
    BandIndex bands;

    @Autowired
    JdbcClient jdbc;

    CurrentUser checker;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts accounts = new TestAccounts(network);
        checker = accounts.user(Role.CHECKER, accounts.unit("Band index desk").id());
        marker = OwnText.marker();
    }

    private String rumour() {
        return OwnText.marked(
                marker,
                "Bộ Y tế yêu cầu mọi người dân phải xét nghiệm lại trong tuần này, ai không đi sẽ bị phạt năm triệu đồng");
    }

    private Item stored() {
        return intake.submit(checker, SubmitItem.of(null, rumour(), Platform.FACEBOOK))
                .item();
    }

    private static NearDuplicateFingerprint print(String text) {
        return NearDuplicateFingerprint.of(text).orElseThrow();
    }

    @Test
    void anotherNodesIndexCatchesUpFromTheDatabase() throws Exception {
        Item item = stored();
        NearDuplicateFingerprint copy = print("‼️ " + rumour() + " chia sẻ ngay");

        Path elsewhere = Files.createTempDirectory("bands-other-node");
        try (BandIndex other = new BandIndex(elsewhere, jdbc)) {
            List<Map<ItemId, BandIndex.Shared>> found =
                    other.candidates(List.of(copy), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32);
            assertThat(found.get(0)).containsKey(item.id());
            assertThat(found.get(0).get(item.id()).bands())
                    .as("shares every band")
                    .isEqualTo(NearDuplicateFingerprint.BANDS);
            assertThat(found.get(0).get(item.id()).signature())
                    .as("with the signature of the stored item's text")
                    .isEqualTo(print(item.text()));

            // Stored later, through this node's index: the other one finds it at its next lookup.
            Item later = intake.submit(checker, SubmitItem.of(null, rumour() + " 🙏🙏", Platform.ZALO))
                    .item();
            assertThat(other.candidates(List.of(copy), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                            .get(0))
                    .containsKeys(item.id(), later.id());
        }
        // Reopened: it starts from what it committed and still has both.
        try (BandIndex reopened = new BandIndex(elsewhere, jdbc)) {
            assertThat(reopened.candidates(List.of(copy), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                            .get(0))
                    .containsKey(item.id());
        }
    }

    @Test
    void aRebuiltIndexComputesEachSignatureFromTheItemsTitleAndText() throws Exception {
        Item titled = intake.submit(
                        checker,
                        new SubmitItem(
                                null,
                                null,
                                "Khẩn cấp: thông báo của Bộ Y tế",
                                rumour(),
                                Platform.FACEBOOK,
                                null,
                                null,
                                null,
                                null))
                .item();
        NearDuplicateFingerprint print =
                NearDuplicateFingerprint.ofItem(titled.title(), titled.text()).orElseThrow();
        assertThat(print).as("the title counts").isNotEqualTo(print(titled.text()));

        try (BandIndex rebuilt = new BandIndex(Files.createTempDirectory("bands-rebuilt"), jdbc)) {
            Map<ItemId, BandIndex.Shared> found = rebuilt.candidates(
                            List.of(print), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                    .get(0);
            assertThat(found).containsKey(titled.id());
            assertThat(found.get(titled.id()).signature())
                    .as("the signature the item got when it arrived")
                    .isEqualTo(print);
        }
    }

    @Test
    void aRowCommittedAfterAHigherOneIsStillCaughtUp() throws Exception {
        Path elsewhere = Files.createTempDirectory("bands-out-of-order");
        try (BandIndex other = new BandIndex(elsewhere, jdbc)) {
            other.catchUp();
            Item early = stored();
            Item late = intake.submit(
                            checker, SubmitItem.of(null, OwnText.marked(OwnText.marker(), rumour()), Platform.ZALO))
                    .item();
            // The early row is not visible yet (another node's transaction still open) when the later one is read.
            Map<String, Object> row = jdbc.sql("select seq, cluster_id from intake_fingerprint where item_id = :id")
                    .param("id", early.id().value())
                    .query()
                    .singleRow();
            jdbc.sql("delete from intake_fingerprint where item_id = :id")
                    .param("id", early.id().value())
                    .update();
            NearDuplicateFingerprint earlyPrint = print(early.text());
            assertThat(other.candidates(List.of(earlyPrint), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                            .get(0))
                    .doesNotContainKey(early.id());
            assertThat(other.candidates(List.of(print(late.text())), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                            .get(0))
                    .as("the later row was read")
                    .containsKey(late.id());

            // Now it commits, with its lower sequence number: the next lookup finds it all the same.
            jdbc.sql("""
                            insert into intake_fingerprint (item_id, seq, cluster_id)
                            values (:id, :seq, :cluster)
                            """)
                    .param("id", early.id().value())
                    .param("cluster", row.get("cluster_id"))
                    .param("seq", ((Number) row.get("seq")).longValue())
                    .update();
            assertThat(other.candidates(List.of(earlyPrint), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                            .get(0))
                    .containsKey(early.id());
        }
    }

    @Test
    void idsAreBloomFilteredAndBandKeysAreNot() throws Exception {
        stored();
        stored();
        Path elsewhere = Files.createTempDirectory("bands-bloom");
        try (BandIndex other = new BandIndex(elsewhere, jdbc)) {
            other.catchUp();
        }
        try (FSDirectory directory = FSDirectory.open(elsewhere);
                org.apache.lucene.index.DirectoryReader reader =
                        org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(reader.numDocs()).isGreaterThanOrEqualTo(2);
            for (var leaf : reader.leaves()) {
                assertThat(leaf.reader().terms(BandIndex.ID).getClass().getName())
                        .contains("BloomFiltered");
                assertThat(leaf.reader().terms(BandIndex.BAND).getClass().getName())
                        .doesNotContain("BloomFiltered");
            }
        }
    }

    @Test
    void fingerprintsLookedUpTogetherFindWhatEachFindsAlone() {
        Item first = stored();
        Item second = intake.submit(checker, SubmitItem.of(null, rumour() + " 🙏 chia sẻ cho mọi người", Platform.ZALO))
                .item();
        Item other = intake.submit(
                        checker,
                        SubmitItem.of(
                                null,
                                OwnText.marked(
                                        marker, "Chợ đầu mối đóng cửa ba ngày để phun khử khuẩn toàn bộ khu vực"),
                                Platform.FACEBOOK))
                .item();
        List<NearDuplicateFingerprint> prints = List.of(
                print(rumour() + " !!!"),
                print(other.text()),
                print(rumour() + " !!!"),
                print("Một câu hoàn toàn khác không giống tin nào trong kho " + marker),
                print(second.text()));

        List<Map<ItemId, BandIndex.Shared>> together =
                bands.candidates(prints, NearDuplicateFingerprint.MIN_SHARED_BANDS, 32);

        for (int i = 0; i < prints.size(); i++) {
            assertThat(together.get(i))
                    .as("fingerprint %d", i)
                    .isEqualTo(bands.candidates(List.of(prints.get(i)), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                            .get(0));
        }
        assertThat(together.get(0)).containsKeys(first.id(), second.id()).doesNotContainKey(other.id());
        assertThat(together.get(1)).containsKey(other.id()).doesNotContainKeys(first.id(), second.id());
        assertThat(together.get(0).get(first.id()).bands()).isEqualTo(NearDuplicateFingerprint.BANDS);
    }

    @Test
    void anIndexThatSawMoreThanTheDatabaseHoldsIsRebuiltFromIt() throws Exception {
        Item item = stored();
        NearDuplicateFingerprint copy = print(rumour() + " !!!");
        ItemId phantom = new ItemId(UUID.randomUUID());
        Path foreign = Files.createTempDirectory("bands-foreign");
        writeIndexOf(foreign, phantom, copy, Long.MAX_VALUE / 2, BandIndex.SCHEMA_VERSION);
        try (BandIndex reopened = new BandIndex(foreign, jdbc)) {
            Map<ItemId, BandIndex.Shared> found = reopened.candidates(
                            List.of(copy), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                    .get(0);
            assertThat(found).containsKey(item.id()).doesNotContainKey(phantom);
        }
    }

    @Test
    void anIndexOfAnOlderVersionIsRebuiltFromTheDatabase() throws Exception {
        Item item = stored();
        NearDuplicateFingerprint copy = print(rumour() + " !!!");
        long stored = jdbc.sql("select max(seq) from intake_fingerprint")
                .query(Long.class)
                .single();
        // Version 1: the documents had no signatures, and the commits no version.
        Path older = Files.createTempDirectory("bands-older");
        ItemId kept = new ItemId(UUID.randomUUID());
        writeIndexOf(older, kept, copy, stored, null);
        try (BandIndex reopened = new BandIndex(older, jdbc)) {
            Map<ItemId, BandIndex.Shared> found = reopened.candidates(
                            List.of(copy), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                    .get(0);
            assertThat(found).as("read again from the database").containsKey(item.id());
            assertThat(found.get(item.id()).signature()).isEqualTo(print(item.text()));
            assertThat(found).doesNotContainKey(kept);
        }
        try (FSDirectory directory = FSDirectory.open(older);
                org.apache.lucene.index.DirectoryReader reader =
                        org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(new org.apache.lucene.search.IndexSearcher(reader)
                            .count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(
                                    BandIndex.ID, kept.value().toString()))))
                    .as("the old documents are gone")
                    .isZero();
        }
    }

    /** Writes an index of one document, for {@code item} with the band keys of {@code print}, without a signature. */
    private static void writeIndexOf(
            Path path, ItemId item, NearDuplicateFingerprint print, long seq, @Nullable String version)
            throws Exception {
        try (FSDirectory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField(BandIndex.ID, item.value().toString(), Field.Store.NO));
            doc.add(new BinaryDocValuesField(
                    BandIndex.ITEM,
                    new BytesRef(ByteBuffer.allocate(16)
                            .putLong(item.value().getMostSignificantBits())
                            .putLong(item.value().getLeastSignificantBits())
                            .array())));
            for (long key : print.bandKeys()) {
                doc.add(new StringField(
                        BandIndex.BAND,
                        new BytesRef(ByteBuffer.allocate(8).putLong(key).array()),
                        Field.Store.NO));
            }
            writer.addDocument(doc);
            Map<String, String> commit = new java.util.HashMap<>();
            commit.put(BandIndex.SEQ, Long.toString(seq));
            if (version != null) {
                commit.put(BandIndex.SCHEMA, version);
            }
            writer.setLiveCommitData(commit.entrySet());
            writer.commit();
        }
    }

    @Test
    void aDocumentWithoutItsStoredFingerprintNeverMakesACluster() {
        NearDuplicateFingerprint rolledBack = print(rumour());
        bands.add(new ItemId(UUID.randomUUID()), rolledBack);

        assertThat(bands.candidates(List.of(rolledBack), NearDuplicateFingerprint.MIN_SHARED_BANDS, 32)
                        .get(0))
                .as("the index has it")
                .hasSize(1);
        assertThat(clusters.findNearest(rolledBack)).as("the database does not").isEmpty();
        Item item = stored();
        assertThat(intake.clusterOf(item.id()).size()).isEqualTo(1);
        assertThat(clusters.findNearest(print(rumour() + " 😱")))
                .contains(intake.clusterOf(item.id()).id());
    }
}
