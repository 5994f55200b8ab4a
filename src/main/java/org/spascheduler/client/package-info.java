@NullMarked
package org.spascheduler.client;

import org.jspecify.annotations.NullMarked;
