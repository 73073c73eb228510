package org.factdesk.publishing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.factdesk.publishing.imports.ClaimReviewImporter;
import org.factdesk.shared.DomainException;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar factdesk.jar import-claimreview FILE} imports a JSON-LD document, JSON array or JSONL dump;
 * {@code ... import-claimreview --urls FILE} the pages of a URL list (one a line). Starts the application without
 * opening a port on the configured database (so the desk must not be running on an embedded H2 file at the same
 * time), prints {@code imported N, updated U, unchanged C, refused R} and each refusal with its position, and exits
 * 0 when nothing was refused, 1 when something was, 2 on a usage or input error. The operator at the command line
 * is trusted like the database's owner: no desk account is needed.
 */
public final class ImportClaimReviewCommand {

    public static final String NAME = "import-claimreview";

    private ImportClaimReviewCommand() {}

    public static int main(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        boolean urls = args.length == 2 && args[0].equals("--urls");
        if (!(args.length == 1 && !args[0].startsWith("--")) && !urls) {
            err.println("usage: " + NAME + " FILE | " + NAME + " --urls FILE");
            err.println("  FILE: a ClaimReview JSON-LD document, a JSON array or a JSONL dump (one per line)");
            err.println("  --urls FILE: fact-check page addresses, one a line");
            return 2;
        }
        Path file = Path.of(urls ? args[1] : args[0]);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            err.println("cannot read " + file + ": " + unreadable.getMessage());
            return 2;
        }
        SpringApplication spring = new SpringApplication(application);
        spring.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = spring.run(
                // The web context is built (its security beans need it) but no port is opened.
                "--server.port=-1", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            ClaimReviewImporter importer = context.getBean(ClaimReviewImporter.class);
            MessageSource messages = context.getBean(MessageSource.class);
            ImportReport report;
            try {
                report = urls ? importer.importUrls(text) : importer.importText(text);
            } catch (DomainException refused) {
                err.println(messages.getMessage(
                        refused.messageKey(), refused.arguments(), refused.messageKey(), Locale.ENGLISH));
                return 2;
            }
            out.println(report.summary());
            for (ImportReport.Refusal refusal : report.refused()) {
                out.println("  " + report.positionLabel(refusal) + ": "
                        + messages.getMessage(refusal.code(), refusal.argumentArray(), refusal.code(), Locale.ENGLISH));
            }
            return report.refused().isEmpty() ? 0 : 1;
        }
    }
}
