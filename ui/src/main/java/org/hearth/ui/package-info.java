/**
 * JavaFX + AtlantaFX views and view-models. Reaches models, files and sockets only through service interfaces handed in by the app.
 */
package org.hearth.ui;
