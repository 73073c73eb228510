package org.factdesk.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.factdesk.publishing.PublishingProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class PublicAddressCheckTests {

    @Test
    void theDefaultAddressIsReportedAtStartUp(CapturedOutput output) {
        new PublicAddressCheck(
                        new PublishingProperties("http://localhost:8080", 12, 50),
                        new MockEnvironment().withProperty("local.server.port", "8093"))
                .check();
        assertThat(output.getOut() + output.getErr())
                .contains("The public address is http://localhost:8080 (server port 8093)")
                .contains("FACTDESK_PUBLIC_BASE_URL");
    }

    @Test
    void aRealAddressIsNot(CapturedOutput output) {
        new PublicAddressCheck(new PublishingProperties("https://kiemchung.example.vn", 12, 50), new MockEnvironment())
                .check();
        assertThat(output.getOut() + output.getErr()).doesNotContain("The public address is");
    }
}
