/** The models on this machine as the window and the command line see them. */
package org.hearth.app.models;
