/** Cases: the verification workflow from items to a reviewed verdict, with claims, evidence, comments and history. */
@NullMarked
package org.factdesk.cases;

import org.jspecify.annotations.NullMarked;
