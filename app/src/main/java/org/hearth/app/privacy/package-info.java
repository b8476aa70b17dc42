/**
 * What a job that may leave the machine needs from the app: anonymising a document with what its headers say,
 * the egress log in Hearth's data folder.
 */
package org.hearth.app.privacy;
