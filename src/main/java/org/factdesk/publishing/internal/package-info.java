/** Rendering for the public site: Markdown to sanitised HTML, share images. */
@NullMarked
package org.factdesk.publishing.internal;

import org.jspecify.annotations.NullMarked;
