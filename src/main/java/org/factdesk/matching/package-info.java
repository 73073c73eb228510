/** Matching: finds the fact-checked claims that a text repeats, in Vietnamese and English. */
@NullMarked
package org.factdesk.matching;

import org.jspecify.annotations.NullMarked;
