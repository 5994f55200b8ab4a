package org.spascheduler.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ProblemErrorReportValve} in the place of Tomcat's HTML error report. */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReportConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds a valve of this class when it starts, in place of Tomcat's ErrorReportValve.
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
