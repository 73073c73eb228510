package org.factdesk.matching.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * A table of chat abbreviations and their expansions, read from a text file.
 *
 * <p>Format (UTF-8): one rule per line, {@code abbrev, abbrev... => expansion} (one or more abbreviations). Blank lines and
 * text after {@code #} are ignored. An abbreviation or expansion may have several words separated by
 * spaces; words are matched and written as the tokenizer would cut them, lowercased and in NFC.
 * A malformed line fails the load with its line number.
 */
public final class TeencodeTable {

    /** Classpath location of the default Vietnamese table. */
    public static final String DEFAULT_RESOURCE = "/matching/teencode_vi.txt";

    private static volatile SynonymMap defaultMap;

    private TeencodeTable() {}

    /** The default Vietnamese table, loaded once. */
    public static SynonymMap vietnamese() {
        SynonymMap map = defaultMap;
        if (map == null) {
            synchronized (TeencodeTable.class) {
                map = defaultMap;
                if (map == null) {
                    map = loadResource(DEFAULT_RESOURCE);
                    defaultMap = map;
                }
            }
        }
        return map;
    }

    /** Loads a table from the classpath. */
    public static SynonymMap loadResource(String resource) {
        InputStream in = TeencodeTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("No teencode table at " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a table in the format described above. */
    public static SynonymMap parse(Reader reader) throws IOException {
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            int comment = line.indexOf('#');
            String rule = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (rule.isEmpty()) {
                continue;
            }
            int arrow = rule.indexOf("=>");
            if (arrow < 0 || rule.indexOf("=>", arrow + 2) >= 0) {
                throw new IllegalArgumentException("Line " + number + ": expected 'abbrev => expansion': " + line);
            }
            CharsRef expansion = words(rule.substring(arrow + 2), number);
            for (String abbrev : rule.substring(0, arrow).split(",")) {
                builder.add(words(abbrev, number), expansion, false);
            }
        }
        return builder.build();
    }

    private static CharsRef words(String text, int line) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .strip();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("Line " + line + ": empty abbreviation or expansion");
        }
        return SynonymMap.Builder.join(normalized.split("\\s+"), new CharsRefBuilder());
    }
}
