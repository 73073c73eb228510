/**
 * Fetching user-supplied URLs without opening an SSRF hole: every hop of a redirect chain is resolved and checked
 * against private, loopback, link-local, multicast and metadata addresses before it is requested. Used by the modules
 * that archive links and poll feeds.
 */
@NullMarked
@NamedInterface("fetch")
package org.factdesk.intake.fetch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
