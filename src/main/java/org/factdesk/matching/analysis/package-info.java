/** Text analysis for claim matching: Vietnamese (diacritics, teencode) and English (tweets) analyzers. */
@NullMarked
package org.factdesk.matching.analysis;

import org.jspecify.annotations.NullMarked;
