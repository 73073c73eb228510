package org.factdesk.publishing.imports;

import java.util.Arrays;
import java.util.List;
import org.factdesk.publishing.ImportReport;

/** A record or page that cannot be imported: the reason's message key and arguments. */
final class Refused extends Exception {

    private final String code;
    private final List<String> arguments;

    Refused(String code, String... arguments) {
        super(code + " " + Arrays.toString(arguments), null, false, false);
        this.code = "publishing.import.refused." + code;
        this.arguments = List.of(arguments);
    }

    ImportReport.Refusal at(String position) {
        return new ImportReport.Refusal(position, code, arguments);
    }
}
