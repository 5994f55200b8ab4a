package org.spascheduler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Found by the component scan of every test that starts the whole application: the clock a test can set. */
@Configuration(proxyBeanMethods = false)
class SettableClockConfiguration {

    @Bean
    @Primary
    SettableClock settableClock() {
        return new SettableClock();
    }
}
