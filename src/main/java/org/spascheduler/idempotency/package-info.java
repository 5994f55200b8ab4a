/**
 * Idempotent POSTs: a request sent again with the same {@code Idempotency-Key} header and the same body gets the first
 * answer again instead of being done twice (a walk-in retried after a timeout books one session, not two). The
 * answers are kept in the database, so that a retry finds them after a restart and on another service node.
 */
@NullMarked
package org.spascheduler.idempotency;

import org.jspecify.annotations.NullMarked;
