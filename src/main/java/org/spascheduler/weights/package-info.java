@NullMarked
package org.spascheduler.weights;

import org.jspecify.annotations.NullMarked;
