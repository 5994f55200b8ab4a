@NullMarked
package org.spascheduler.spa;

import org.jspecify.annotations.NullMarked;
