/** Imports: bulk CSV and JSONL imports of exported social posts into intake, streamed, idempotent and resumable. */
@NullMarked
package org.factdesk.imports;

import org.jspecify.annotations.NullMarked;
