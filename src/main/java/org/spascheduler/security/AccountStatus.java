package org.spascheduler.security;

/** Whether a signed-in account may still act: a manager may disable it while its session is open. */
public interface AccountStatus {

    boolean isEnabled(String accountId);
}
