package org.factdesk.platformreports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.factdesk.archive.ArchiveFixtures;

/**
 * What the recipient of an evidence package does with it, for tests: unpack it, check the manifest in Java and with
 * the real {@code sha256sum -c}, read the PDF's text back (PDFBox, an independent reader) and render its page.
 */
public final class EvidencePackages {

    private EvidencePackages() {}

    /** Unpacks a ZIP into a new temporary folder, refusing entries that would land outside it. */
    public static Path unpack(byte[] zip) throws IOException {
        Path folder = Files.createTempDirectory("evidence-package");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(folder))
                        .as("entry %s stays in the folder", entry.getName())
                        .isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return folder;
    }

    /** The files of an unpacked package, as relative paths with forward slashes, sorted. */
    public static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(path -> folder.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Every file but the manifest is listed in SHA256SUMS exactly once, with its SHA-256. */
    public static void verifyInJava(Path folder) throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
            assertThat(line).matches("[0-9a-f]{64}  \\S.*");
            String previous = listed.put(line.substring(66), line.substring(0, 64));
            assertThat(previous).as("listed twice: %s", line).isNull();
        }
        List<String> files = new ArrayList<>(files(folder));
        files.remove("SHA256SUMS");
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(files);
        for (Map.Entry<String, String> entry : listed.entrySet()) {
            assertThat(ArchiveFixtures.sha256(Files.readAllBytes(folder.resolve(entry.getKey()))))
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    /** Runs {@code sha256sum -c SHA256SUMS} in the folder; skips the test when sha256sum is not installed. */
    public static void verifyWithSha256sum(Path folder) throws IOException, InterruptedException {
        assertThat(sha256sumExitCode(folder)).as("sha256sum -c SHA256SUMS").isZero();
    }

    public static int sha256sumExitCode(Path folder) throws IOException, InterruptedException {
        boolean present =
                Stream.of("/usr/bin/sha256sum", "/bin/sha256sum").anyMatch(p -> Files.isExecutable(Path.of(p)));
        assumeThat(present)
                .as("sha256sum is not installed: manifest checked in Java only")
                .isTrue();
        Process process = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() == 0) {
            assertThat(output.lines()).allSatisfy(line -> assertThat(line).endsWith(": OK"));
        }
        return process.exitValue();
    }

    /** The text of a PDF of exactly {@code pages} pages. */
    public static String pdfText(Path pdf, int pages) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(pages);
            return new PDFTextStripper().getText(document);
        }
    }

    /** Renders the first page to a PNG, for a look. */
    public static void render(Path pdf, Path png) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        }
    }

    public static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
