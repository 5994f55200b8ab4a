@NullMarked
package org.spascheduler.careplan;

import org.jspecify.annotations.NullMarked;
