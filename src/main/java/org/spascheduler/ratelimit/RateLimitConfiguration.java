package org.spascheduler.ratelimit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The rate limit filter, registered here rather than scanned, so that web slice tests leave it out. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimits limits, JsonMapper json) {
        return new RateLimitFilter(limits, json);
    }
}
