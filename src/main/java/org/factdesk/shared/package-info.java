/** Small value types and web plumbing that every module shares: ids, languages, platforms, problem details. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.factdesk.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
