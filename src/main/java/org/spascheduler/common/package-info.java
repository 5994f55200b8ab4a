/**
 * What the records' packages share and none of them owns: the JSON shapes of periods, weekly times and spacings, the
 * checks of single fields (plausible dates, periods that end after they start, spacings in order), and the week a
 * moment lies in. It imports no feature package, so every feature may use it.
 */
@NullMarked
package org.spascheduler.common;

import org.jspecify.annotations.NullMarked;
