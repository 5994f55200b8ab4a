package org.spascheduler.account;

import org.spascheduler.security.AccountStatus;
import org.spascheduler.security.SignedInAccount;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The stored accounts as Spring Security signs them in. */
@Service
class AccountDirectory implements UserDetailsService, AccountStatus {

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("There is no account (%s).".formatted(username)));
        return new SignedInAccount(account.id(), account.username(), account.passwordHash(), account.role(),
                account.clientId(), account.therapistId(), account.enabled());
    }

    @Override
    public boolean isEnabled(String accountId) {
        return accounts.findById(accountId).map(StoredAccount::enabled).orElse(false);
    }
}
