package org.spascheduler.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored: Spring Security's DelegatingPasswordEncoder, bcrypt (cost 10) today. Each hash carries its
 * algorithm as a prefix ({@code {bcrypt}$2a$10$...}), so a stronger one can take over later without a migration.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
