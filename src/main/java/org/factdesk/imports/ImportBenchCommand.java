package org.factdesk.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.factdesk.cases.Case;
import org.factdesk.cases.CaseManagement;
import org.factdesk.cases.NewClaim;
import org.factdesk.cases.NewEvidence;
import org.factdesk.cases.OpenCase;
import org.factdesk.cases.Rating;
import org.factdesk.intake.IntakeManagement;
import org.factdesk.intake.SubmitItem;
import org.factdesk.network.CurrentUser;
import org.factdesk.network.NetworkManagement;
import org.factdesk.network.NewUser;
import org.factdesk.network.Role;
import org.factdesk.network.Unit;
import org.factdesk.shared.Language;
import org.factdesk.shared.Platform;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -Xmx1g -jar factdesk.jar bench-import [--rows 200000] [--data ../shared/data] [--claims 1210]
 * [--batch 2000] [--out target/bench-import] [--jdbc URL --user U --password P]} measures bulk imports: writes (once, seeded)
 * a CSV of exported posts built from the claim-matching collections (Vietnamese and English; a share of exact
 * duplicates and of near duplicates with emoji, share-bait, stripped diacritics or a dropped word), loads a fresh
 * database (an H2 file under {@code --out}, or a new schema in the PostgreSQL database given) with {@code --claims}
 * published fact-checks of vi-claims made through the real case workflow, then imports the file and waits until every
 * imported item is matched. Prints rows per second for the import alone and including matching, the peak heap, and
 * what was stored. Figures go to docs/benchmarks.md.
 */
public final class ImportBenchCommand {

    public static final String NAME = "bench-import";

    private ImportBenchCommand() {}

    public static int main(Class<?> application, String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                err.println("usage: " + NAME + " [--rows N] [--data DIR] [--claims N] [--batch N] [--out DIR]"
                        + " [--jdbc URL --user U --password P]");
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        int rows = Integer.parseInt(options.getOrDefault("rows", "200000"));
        int claims = Integer.parseInt(options.getOrDefault("claims", "1210"));
        Path data = Path.of(options.getOrDefault("data", "../shared/data"));
        Path outDir = Files.createDirectories(Path.of(options.getOrDefault("out", "target/bench-import")))
                .toAbsolutePath();
        Path file = outDir.resolve("posts-" + rows + ".csv");
        if (!Files.exists(file)) {
            long started = System.nanoTime();
            generate(data, file, rows);
            err.printf("wrote %s (%,d bytes) in %.1f s%n", file, Files.size(file), seconds(started));
        }
        String run = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        List<String> properties = new ArrayList<>(List.of(
                "--server.port=-1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--factdesk.scheduler.enabled=false",
                "--factdesk.data-dir=" + outDir.resolve("data-" + run),
                "--factdesk.imports.batch-size=" + options.getOrDefault("batch", "2000")));
        String database;
        if (options.containsKey("jdbc")) {
            String url = options.get("jdbc");
            String schema = "bench_" + run;
            properties.add(
                    "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            properties.add("--spring.datasource.username=" + options.getOrDefault("user", "factdesk"));
            properties.add("--spring.datasource.password=" + options.getOrDefault("password", "factdesk"));
            properties.add("--spring.flyway.schemas=" + schema);
            properties.add("--spring.flyway.default-schema=" + schema);
            properties.add("--spring.flyway.create-schemas=true");
            database = "PostgreSQL schema " + schema;
        } else {
            Path h2 = outDir.resolve("h2-" + run).resolve("factdesk");
            properties.add("--spring.datasource.url=jdbc:h2:file:" + h2
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            database = "H2 file " + h2;
        }
        SpringApplication spring = new SpringApplication(application);
        spring.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = spring.run(properties.toArray(String[]::new))) {
            NetworkManagement network = context.getBean(NetworkManagement.class);
            ImportManagement imports = context.getBean(ImportManagement.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            long setup = System.nanoTime();
            Unit unit = publishClaims(context, network, data, claims);
            imports.awaitFollowUps(Duration.ofMinutes(30));
            err.printf("%s: %d published claims in the index (%.1f s)%n", database, claims, seconds(setup));

            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long[] lastDraw = {0};
            ImportJob job = imports.importFile(file, ImportFormat.CSV, unit.id().toString(), progress -> {
                        if (System.nanoTime() - lastDraw[0] > 5_000_000_000L || progress.finished()) {
                            lastDraw[0] = System.nanoTime();
                            err.printf(
                                    "  %3d%% %,d rows, %.0f rows/s%n",
                                    progress.percent(), progress.rowsRead(), progress.rowsRead() / seconds(start));
                        }
                    })
                    .job();
            double imported = seconds(start);
            imports.awaitFollowUps(Duration.ofMinutes(60));
            double matched = seconds(start);
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            long clusters = count(jdbc, "select count(*) from intake_cluster where size > 1");
            long matches = count(jdbc, "select count(*) from matching_item_match");
            long matchedItems = count(jdbc, "select count(distinct item_id) from matching_item_match");
            out.printf("database: %s%n", database);
            out.printf("file: %s (%,d rows, %,d bytes)%n", file, job.rowsRead(), job.sizeBytes());
            out.println(job.summary());
            out.printf("import: %.1f s, %,.0f rows/s%n", imported, job.rowsRead() / imported);
            out.printf(
                    "import + matching: %.1f s, %,.0f rows/s (%,d matches on %,d items; %,d clusters of 2+)%n",
                    matched, job.rowsRead() / matched, matches, matchedItems, clusters);
            out.printf(
                    "peak heap: %,d MB of %,d MB max%n",
                    peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            return 0;
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A unit with a checker and an editor, and {@code claims} vi-claims published through the case workflow. */
    private static Unit publishClaims(
            ConfigurableApplicationContext context, NetworkManagement network, Path data, int claims)
            throws IOException {
        String password = "bench-password-" + System.nanoTime();
        network.createFirstAdministrator("admin@bench.example", "Admin", password, Language.VI, "Bench desk");
        CurrentUser admin = network.authenticate("admin@bench.example", password, "bench");
        Unit unit = network.units().get(0);
        CurrentUser checker = network.signedIn(network.createUser(
                                admin,
                                new NewUser(
                                        "checker@bench.example",
                                        "Checker",
                                        password,
                                        Language.VI,
                                        unit.id(),
                                        Role.CHECKER))
                        .id())
                .orElseThrow();
        CurrentUser editor = network.signedIn(network.createUser(
                                admin,
                                new NewUser(
                                        "editor@bench.example",
                                        "Editor",
                                        password,
                                        Language.VI,
                                        unit.id(),
                                        Role.EDITOR))
                        .id())
                .orElseThrow();
        IntakeManagement intake = context.getBean(IntakeManagement.class);
        CaseManagement cases = context.getBean(CaseManagement.class);
        List<String> collection = Files.readAllLines(data.resolve("vi-claims/collection.tsv"), StandardCharsets.UTF_8);
        for (String line : collection.subList(1, Math.min(collection.size(), claims + 1))) {
            String claim = line.split("\t")[1];
            var item = intake.submit(checker, SubmitItem.of(null, claim + " (nguồn)", Platform.FACEBOOK))
                    .item();
            Case kase = cases.open(
                    checker, new OpenCase(unit.id(), claim, List.of(new NewClaim(claim, null)), List.of(item.id())));
            cases.triage(checker, kase.id(), 2, List.of("bench"));
            cases.assign(checker, kase.id(), checker.id());
            cases.addEvidence(
                    checker, kase.id(), new NewEvidence.Link("https://example.org/evidence", "Evidence", null));
            cases.proposeVerdict(checker, kase.id(), Rating.FALSE, "Không có bằng chứng nào cho thấy điều này.");
            cases.approve(editor, kase.id());
        }
        return unit;
    }

    private static final String[] PLATFORMS = {
        "facebook", "fb", "youtube", "tiktok", "zalo", "telegram", "twitter", "x", "web", "other"
    };
    private static final String[] EMOJI = {" 😱😱", " 🙏", " ‼️", " 👉👉", " 🔥"};
    private static final String[] BAIT = {
        " Chia sẻ ngay!", " Hãy chia sẻ cho mọi người.", " Share ngay kẻo muộn", " Please share!"
    };

    /** Writes {@code rows} posts built from the collections' texts; seeded, so every run reads the same file. */
    static void generate(Path data, Path file, int rows) throws IOException {
        List<String> pool = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("vi-claims/collection.tsv"), StandardCharsets.UTF_8)
                .subList(1, 1211)) {
            pool.add(line.split("\t")[1]);
        }
        for (String query : List.of("vi-claims/dev.queries.tsv", "vi-claims/dev.queries.deaccented.tsv")) {
            List<String> lines = Files.readAllLines(data.resolve(query), StandardCharsets.UTF_8);
            lines.subList(1, lines.size()).forEach(line -> pool.add(line.split("\t")[1]));
        }
        List<String> english = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("clef2020-t2-en/verified_claims.docs.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length > 1 && !fields[0].equals("id")) {
                english.add(fields[1]);
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(data.resolve("clef2022-t2a-en/vclaims.jsonl"))) {
            JsonNode claim = json.readTree(line);
            english.add(claim.path("vclaim").asString());
        }
        for (String line : Files.readAllLines(data.resolve("clef2022-t2a-en/CT2022-Task2A-EN-Train-Dev_Queries.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length > 1) {
                english.add(fields[1]);
            }
        }
        Random random = new Random(20261128);
        Collections.shuffle(english, random);
        pool.addAll(english);
        Collections.shuffle(pool, random);
        String[] recent = new String[20_000];
        int written = 0;
        DateTimeFormatter dates = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        int next = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("url,platform,text,author_handle,published_at,likes,shares,comments,views,language,post_id\n");
            for (int i = 0; i < rows; i++) {
                double kind = random.nextDouble();
                String text;
                if (written > 100 && kind < 0.15) {
                    text = recent[random.nextInt(Math.min(written, recent.length))];
                } else if (written > 100 && kind < 0.45) {
                    text = variant(recent[random.nextInt(Math.min(written, recent.length))], random);
                } else if (next < pool.size()) {
                    text = pool.get(next++);
                } else {
                    String first = pool.get(random.nextInt(pool.size()));
                    String second = pool.get(random.nextInt(pool.size()));
                    text = first + " " + second;
                }
                text = text.strip();
                recent[written++ % recent.length] = text;
                String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
                String published = dates.format(
                        base.plusSeconds(random.nextInt(300 * 86_400)).atOffset(ZoneOffset.ofHours(7)));
                out.write("https://example.vn/" + platform + "/posts/" + i + "," + platform + ","
                        + csv(text) + ",@user" + random.nextInt(50_000) + "," + published + ","
                        + random.nextInt(5000) + "," + random.nextInt(800) + "," + random.nextInt(300) + ","
                        + (random.nextBoolean() ? "" : random.nextInt(100_000)) + ",,p" + i + "\n");
            }
        }
    }

    /** A near duplicate: emoji, share-bait, diacritics stripped, a word dropped, or a prefix. */
    private static String variant(String text, Random random) {
        String result = text;
        switch (random.nextInt(5)) {
            case 0 -> result = result + EMOJI[random.nextInt(EMOJI.length)];
            case 1 -> result = result + BAIT[random.nextInt(BAIT.length)];
            case 2 ->
                result = Normalizer.normalize(result, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .replace('đ', 'd')
                        .replace('Đ', 'D');
            case 3 -> {
                String[] words = result.split(" ");
                if (words.length > 12) {
                    int drop = random.nextInt(words.length);
                    List<String> kept = new ArrayList<>(List.of(words));
                    kept.remove(drop);
                    result = String.join(" ", kept);
                } else {
                    result = "NÓNG: " + result;
                }
            }
            default -> result = "NÓNG: " + result;
        }
        return result;
    }

    private static String csv(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
