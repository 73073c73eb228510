/** The claim-matching engine: a Lucene index of fact-checked claims, BM25 ranking, dense re-ranking and bands. */
@NullMarked
@NamedInterface("engine")
package org.factdesk.matching.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
