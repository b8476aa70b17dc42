/** Starting child processes without handing them the app's secrets. */
package org.hearth.ingest.process;
