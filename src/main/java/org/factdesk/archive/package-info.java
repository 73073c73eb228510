/** Links submitted to the desk, fetched safely and archived as evidence: raw bytes, headers and SHA-256 per capture. */
@NullMarked
package org.factdesk.archive;

import org.jspecify.annotations.NullMarked;
