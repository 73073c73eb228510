package org.factdesk.platformreports;

import java.util.List;
import java.util.Optional;
import org.factdesk.shared.Platform;

/**
 * A platform the desk reports to, with the page of its rules and its policy categories in the order the desk offers
 * them.
 */
public record PlatformPolicies(Platform platform, String name, String rulesUrl, List<PolicyCategory> categories) {

    public PlatformPolicies {
        categories = List.copyOf(categories);
    }

    /** The category of this code, retired or not (old reports name retired ones). */
    public Optional<PolicyCategory> category(String code) {
        return categories.stream()
                .filter(category -> category.code().equals(code))
                .findFirst();
    }

    /** The categories a new report may name. */
    public List<PolicyCategory> current() {
        return categories.stream().filter(category -> !category.retired()).toList();
    }
}
