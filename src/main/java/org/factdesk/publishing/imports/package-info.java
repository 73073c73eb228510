/** Import of other organisations' ClaimReview fact-checks: reading the containers, pages, rating mapping, storage. */
@NullMarked
package org.factdesk.publishing.imports;

import org.jspecify.annotations.NullMarked;
