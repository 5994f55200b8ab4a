@NullMarked
package org.spascheduler.frontdesk;

import org.jspecify.annotations.NullMarked;
