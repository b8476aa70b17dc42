/**
 * How long a summary will take on this machine with this model: the task's plan, priced at the speed measured on
 * earlier jobs (kept per model file in hearth.db), or at a rough default before there is one.
 */
package org.hearth.app.estimate;
