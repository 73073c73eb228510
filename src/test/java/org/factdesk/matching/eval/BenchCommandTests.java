package org.factdesk.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.factdesk.matching.engine.ClaimDoc;
import org.junit.jupiter.api.Test;

class BenchCommandTests {

    @Test
    void growsACollectionWithDistinctSeededVariants() {
        List<ClaimDoc> base = List.of(
                ClaimDoc.of("a", "Uống nước chanh nóng diệt được virus corona", null),
                ClaimDoc.of("b", "Vaccines contain microchips that track people", null));
        List<ClaimDoc> grown = BenchCommand.grow(base, 500);
        assertThat(grown).hasSize(500).startsWith(base.toArray(ClaimDoc[]::new));
        assertThat(new HashSet<>(grown.stream().map(ClaimDoc::id).toList())).hasSize(500);
        assertThat(BenchCommand.grow(base, 500)).isEqualTo(grown);
    }

    @Test
    void refusesUnknownOptions() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCommand.main(
                new String[] {"--speed", "max"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option --speed");
    }
}
