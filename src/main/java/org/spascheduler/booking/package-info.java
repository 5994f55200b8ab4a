@NullMarked
package org.spascheduler.booking;

import org.jspecify.annotations.NullMarked;
