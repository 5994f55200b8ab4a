/**
 * How good and how fast our rosters are: the first-fit baseline a spa's booking software would give, the roster
 * quality figures both are compared on, and the benchmark command (issue 6).
 */
@NullMarked
package org.spascheduler.benchmark;

import org.jspecify.annotations.NullMarked;
