package org.factdesk.platformreports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.factdesk.platformreports.PlatformPolicies;
import org.factdesk.platformreports.PlatformReportsProperties;
import org.factdesk.platformreports.PolicyCategory;
import org.factdesk.shared.Platform;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The maintained list of platforms and their own policy categories ({@code platformreports/policies.yml}), read once
 * at start. A list that cannot be trusted (an unknown platform, a duplicate or malformed code, a missing label or
 * link) stops the start with a message naming the entry: reports must never name a category that nobody can read.
 */
@Component
public class PolicyCatalog {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern LINK = Pattern.compile("https://\\S+");

    private final Map<Platform, PlatformPolicies> platforms;
    private final String reviewed;

    @Autowired
    PolicyCatalog(PlatformReportsProperties properties) {
        this(read(properties.policies()));
    }

    PolicyCatalog(Map<String, Object> document) {
        this.reviewed = String.valueOf(document.getOrDefault("reviewed", ""));
        this.platforms = parse(document);
    }

    /** Reads a list from the class path; for tests of other lists. */
    public static PolicyCatalog fromClassPath(String resource) {
        return new PolicyCatalog(read(resource));
    }

    /** The platforms in the order of {@link Platform}. */
    public List<PlatformPolicies> platforms() {
        return List.copyOf(platforms.values());
    }

    public Optional<PlatformPolicies> of(Platform platform) {
        return Optional.ofNullable(platforms.get(platform));
    }

    /** When the list was last checked against the platforms' pages. */
    public String reviewed() {
        return reviewed;
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IllegalStateException("Policy list " + resource + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the policy list " + resource, e);
        }
    }

    private static Map<Platform, PlatformPolicies> parse(Map<String, Object> document) {
        Map<Platform, PlatformPolicies> parsed = new EnumMap<>(Platform.class);
        for (Map.Entry<?, ?> entry :
                mapping(document.get("platforms"), "platforms").entrySet()) {
            String key = String.valueOf(entry.getKey());
            Platform platform;
            try {
                platform = Platform.valueOf(key);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException("Policy list: " + key + " is not a platform of FactDesk");
            }
            Map<?, ?> body = mapping(entry.getValue(), key);
            List<PolicyCategory> categories = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            if (!(body.get("categories") instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalStateException("Policy list: " + key + " has no categories");
            }
            for (Object element : list) {
                Map<?, ?> category = mapping(element, key + " category");
                String code = text(category, "code", key);
                if (!CODE.matcher(code).matches() || !codes.add(code)) {
                    throw new IllegalStateException("Policy list: " + key + "/" + code + " is malformed or repeated");
                }
                categories.add(new PolicyCategory(
                        code,
                        text(category, "vi", key + "/" + code),
                        text(category, "en", key + "/" + code),
                        link(category, "url", key + "/" + code),
                        Boolean.TRUE.equals(category.get("retired"))));
            }
            parsed.put(
                    platform,
                    new PlatformPolicies(platform, text(body, "name", key), link(body, "rules", key), categories));
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("Policy list: no platform");
        }
        return parsed;
    }

    private static Map<?, ?> mapping(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalStateException("Policy list: " + where + " is not a mapping");
    }

    private static String text(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalStateException("Policy list: " + where + " has no " + key);
        }
        return String.valueOf(value).strip();
    }

    private static String link(Map<?, ?> map, String key, String where) {
        String value = text(map, key, where);
        if (!LINK.matcher(value).matches()) {
            throw new IllegalStateException("Policy list: " + where + " " + key + " is not an https link");
        }
        return value;
    }
}
