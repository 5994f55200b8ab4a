package org.spascheduler.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spascheduler.TestAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

/** The sign-in form of the web app in a real browser: the session cookie and the CSRF token work from a page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInPageBrowserTest {

    @LocalServerPort
    private int port;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theManagerSignsInAndOutThroughTheForm() throws Exception {
        browser = Browser.start();
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("username")).sendKeys(TestAccounts.MANAGER);
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "(MANAGER)"));
        Browser.screenshot(browser, "signed-in-manager");
        assertThat(browser.findElement(By.id("home")).getText()).contains("Welcome, " + TestAccounts.MANAGER);

        browser.findElement(By.xpath("//button[text()='Sign out']")).click(); // a POST with the CSRF token
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
    }
}
