/**
 * Stored accounts: who may sign in, with which role, linked to which therapist or client record; the manager's API for
 * them; the demo accounts of a first start. Spring Security reads them through {@code AccountDirectory}.
 */
@NullMarked
package org.spascheduler.account;

import org.jspecify.annotations.NullMarked;
