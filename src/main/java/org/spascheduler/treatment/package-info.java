@NullMarked
package org.spascheduler.treatment;

import org.jspecify.annotations.NullMarked;
