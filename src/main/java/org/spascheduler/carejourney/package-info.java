/**
 * The client's journey through a care plan: suggested plans that fit around confirmed bookings (the question, the
 * free places per week, the search per strategy, the words that explain a plan, signed-free suggestion ids), accepting
 * one (booking its sessions in one go), its progress, and cancelling a session of it. The plan itself, the stored
 * record and its rules, is {@code careplan/}.
 */
@NullMarked
package org.spascheduler.carejourney;

import org.jspecify.annotations.NullMarked;
