@NullMarked
package org.spascheduler.roster;

import org.jspecify.annotations.NullMarked;
