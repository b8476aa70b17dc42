/**
 * The one owner of {@code hearth.db}: how the file is opened, how transactions run, and which feature owns which
 * tables. Each feature (mail, routing, model speeds, summaries) registers its migrations under its own name; see
 * docs/decisions/0007-local-state-owner.md.
 */
package org.hearth.app.state;
