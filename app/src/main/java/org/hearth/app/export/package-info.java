/** Writing results out for the user: summaries as DOCX or Markdown. */
package org.hearth.app.export;
