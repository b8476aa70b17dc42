/**
 * What the UI needs from the rest of Hearth, as interfaces the app implements. Services do their
 * work off the JavaFX thread and call listeners from their own threads; view-models hop onto the
 * JavaFX thread themselves. Messages are structured (a reason and its arguments), so the UI words
 * them in the user's language.
 */
package org.hearth.ui.service;
