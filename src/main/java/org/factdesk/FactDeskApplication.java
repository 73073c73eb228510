package org.factdesk;

import java.util.Arrays;
import org.factdesk.imports.ImportBenchCommand;
import org.factdesk.imports.ImportCommand;
import org.factdesk.matching.eval.BenchCommand;
import org.factdesk.matching.eval.EvalCommand;
import org.factdesk.publishing.ImportClaimReviewCommand;
import org.factdesk.tipline.TelegramWebhookCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * FactDesk: a misinformation-response desk. Each top-level package is one capability (an application module).
 *
 * <p>Run with {@code --demo} to load the sample desk, or with {@code eval ...} to run the claim-matching
 * evaluation (see docs/matching.md), {@code bench ...} to measure matching speed (docs/benchmarks.md),
 * {@code telegram-webhook --url ...} to register the Telegram bot's webhook, or {@code import-claimreview FILE|--urls
 * FILE} to import other organisations' ClaimReview fact-checks into the configured database (docs/publishing.md), or
 * {@code import --format csv|jsonl [--unit UNIT] FILE} to import exported social posts (README), or
 * {@code bench-import ...} to measure bulk imports (docs/benchmarks.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class FactDeskApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("eval")) {
            // The evaluation harness needs neither the web app nor the database.
            System.exit(EvalCommand.main(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("bench")) {
            System.exit(BenchCommand.main(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("telegram-webhook")) {
            System.exit(TelegramWebhookCommand.main(
                    Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(ImportClaimReviewCommand.NAME)) {
            // Imports into the configured database without starting the web server.
            System.exit(ImportClaimReviewCommand.main(
                    FactDeskApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(ImportCommand.NAME)) {
            // Imports exported posts into the configured database without starting the web server.
            System.exit(ImportCommand.main(
                    FactDeskApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(ImportBenchCommand.NAME)) {
            System.exit(ImportBenchCommand.main(
                    FactDeskApplication.class, Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(FactDeskApplication.class, args);
    }
}
