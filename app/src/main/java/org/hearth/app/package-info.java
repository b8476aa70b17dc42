/**
 * The composition root: paths, settings, wiring of services, the window's entry point and the command line.
 */
package org.hearth.app;
