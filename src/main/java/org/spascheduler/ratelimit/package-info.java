/**
 * Per-caller rate limits on the endpoints that cost the most (a solve, an explanation, slot options, plan suggestions,
 * an import): one caller cannot take the service from everyone else. Token buckets from Bucket4j.
 */
@NullMarked
package org.spascheduler.ratelimit;

import org.jspecify.annotations.NullMarked;
