package org.factdesk.tipline.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The tipline erases expired sender addresses on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TiplineConfiguration {}
