/** Reports of items to the platforms that host them: policy categories, outcomes, time to outcome, evidence packages. */
@NullMarked
package org.factdesk.platformreports;

import org.jspecify.annotations.NullMarked;
