package org.factdesk.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factdesk.intake.ClusterId;
import org.junit.jupiter.api.Test;

class ClusterMatchesTests {

    @Test
    void keepsAClustersMatchesUntilTheClaimsChangeOrItIsTheLeastRecentlyUsed() {
        ClusterMatches recent = new ClusterMatches();
        ClusterId first = ClusterId.random();
        recent.put(first, 7, List.of());
        assertThat(recent.get(first, 7)).contains(List.of());
        assertThat(recent.get(first, 8)).as("claims changed since").isEmpty();
        assertThat(recent.get(ClusterId.random(), 7)).isEmpty();

        for (int i = 0; i < ClusterMatches.CAPACITY; i++) {
            recent.put(ClusterId.random(), 7, List.of());
            if (i == ClusterMatches.CAPACITY / 2) {
                assertThat(recent.get(first, 7)).isPresent(); // used: moves to the end
            }
        }
        assertThat(recent.get(first, 7)).as("used recently, kept").isPresent();
        for (int i = 0; i < ClusterMatches.CAPACITY; i++) {
            recent.put(ClusterId.random(), 7, List.of());
        }
        assertThat(recent.get(first, 7)).as("not used since, forgotten").isEmpty();
    }
}
