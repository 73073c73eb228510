package org.factdesk.platformreports;

import java.util.Locale;

/**
 * One of a platform's own policy categories, as the platform names it in its rules.
 *
 * @param code stable code, unique within the platform (stored with reports; never reuse one for another meaning)
 * @param vi the name in Vietnamese
 * @param en the name in English
 * @param url the platform's page that states the policy
 * @param retired the platform dropped the policy: old reports still name it, new ones cannot
 */
public record PolicyCategory(String code, String vi, String en, String url, boolean retired) {

    public String label(Locale locale) {
        return "vi".equals(locale.getLanguage()) ? vi : en;
    }
}
