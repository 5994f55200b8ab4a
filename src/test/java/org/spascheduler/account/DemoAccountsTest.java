package org.spascheduler.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spascheduler.SpaSchedulerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo's accounts on a first start: every one of them signs in with {@code spa.demo.password}, or, when it is not
 * set, with a random password written once to the log; and there is one hash for all of them (one bcrypt at start-up).
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsTest {

    private static final Pattern LOGGED =
            Pattern.compile("spa.demo.password is not set: the password of .* is (\\S+) ");

    record Account(String username, String role, String passwordHash) {
    }

    @Test
    void spaDemoPasswordIsEveryDemoAccountsPassword() {
        try (var context = start("--spa.demo.password=chosen-by-the-script")) {
            var accounts = demoAccounts(context);
            var encoder = context.getBean(PasswordEncoder.class);

            assertThat(accounts).extracting(Account::username).contains("manager", "desk", "therapist-1", "client-1");
            assertThat(accounts).filteredOn(a -> a.role().equals("CLIENT")).hasSizeGreaterThan(40);
            assertThat(accounts).filteredOn(a -> a.role().equals("THERAPIST")).hasSize(4);
            assertThat(accounts).extracting(Account::passwordHash).containsOnly(accounts.get(0).passwordHash());
            assertThat(encoder.matches("chosen-by-the-script", accounts.get(0).passwordHash())).isTrue();
            assertThat(encoder.matches("demo", accounts.get(0).passwordHash())).isFalse();
        }
    }

    @Test
    void withoutItARandomPasswordIsLoggedOnce(CapturedOutput output) {
        try (var context = start()) {
            var accounts = demoAccounts(context);
            var matcher = LOGGED.matcher(output.getOut());
            assertThat(matcher.find()).as("the password in the log").isTrue();
            var password = matcher.group(1);

            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(context.getBean(PasswordEncoder.class).matches(password, accounts.get(0).passwordHash()))
                    .isTrue();
            assertThat(matcher.find()).as("logged once").isFalse();
        }
    }

    private static List<Account> demoAccounts(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT username, role, password_hash FROM account WHERE username NOT LIKE 'test-%'")
                .query((row, n) -> new Account(row.getString(1), row.getString(2), row.getString(3))).list();
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        var all = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:demo-accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spa.demo.load-on-empty-database=true", "--spa.demo.size=SMALL", "--spring.main.banner-mode=off"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(SpaSchedulerApplication.class).web(WebApplicationType.NONE)
                .profiles("test").run(all.toArray(String[]::new));
    }
}
