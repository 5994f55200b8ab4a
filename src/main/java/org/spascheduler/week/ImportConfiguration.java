package org.spascheduler.week;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** The import's size limit, registered here rather than scanned, so that web slice tests leave it out. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportSizeLimit importSizeLimit(ImportProperties properties, JsonMapper json) {
        return new ImportSizeLimit(properties, json);
    }
}
