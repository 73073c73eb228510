/** The evaluation harness: runs the engine on CheckThat!-style benchmarks and prints the scorer's metrics. */
@NullMarked
@NamedInterface("eval")
package org.factdesk.matching.eval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
