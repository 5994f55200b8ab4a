/**
 * A whole week of the spa as one JSON document: exported, imported (validated as a whole, written in one transaction),
 * listed, and loaded as the demo spa on a first start.
 */
@NullMarked
package org.spascheduler.week;

import org.jspecify.annotations.NullMarked;
