@NullMarked
package org.spascheduler.therapist;

import org.jspecify.annotations.NullMarked;
