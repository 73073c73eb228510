package org.factdesk.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the cases module.
 *
 * @param evidence limits on uploaded evidence files
 */
@ConfigurationProperties("factdesk.cases")
public record CasesProperties(@DefaultValue Evidence evidence) {

    /**
     * @param maxFileSize the largest evidence file accepted ({@code factdesk.cases.evidence.max-file-size}); keep it
     *     below {@code spring.servlet.multipart.max-file-size} so that the desk, not the servlet container, answers
     */
    public record Evidence(@DefaultValue("10MB") DataSize maxFileSize) {}
}
