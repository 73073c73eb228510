/**
 * Publishing: fact-check articles written from approved verdicts, their publication on the public site with
 * schema.org ClaimReview markup, feeds and sitemap, corrections and withdrawals, and the import of other
 * organisations' fact-checks.
 */
@NullMarked
package org.factdesk.publishing;

import org.jspecify.annotations.NullMarked;
