@NullMarked
package org.spascheduler.room;

import org.jspecify.annotations.NullMarked;
