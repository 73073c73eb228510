/** The public site (pages, feeds, sitemap, share images) and the desk's fact-check screens and API. */
@NullMarked
package org.factdesk.publishing.web;

import org.jspecify.annotations.NullMarked;
