/**
 * Who is calling and what each role may do: the roles, the signed-in caller ({@link org.spascheduler.security.Caller}),
 * the one table of which role may call which endpoint ({@link org.spascheduler.security.AccessRules}, read by the
 * filter chain, the OpenAPI document and the authorisation matrix test), sign-in and its refusals as problem+json.
 * Depends on no feature package: feature controllers ask {@code Caller.current()} for their object-level checks.
 */
@NullMarked
package org.spascheduler.security;

import org.jspecify.annotations.NullMarked;
