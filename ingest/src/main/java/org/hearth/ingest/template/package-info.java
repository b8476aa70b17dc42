/**
 * The firm's DOCX templates: which fields a template asks for ({@link org.hearth.ingest.template.DocxTemplate#fields})
 * and the filled copy ({@link org.hearth.ingest.template.DocxTemplate#fill}), keeping every style, header, footer,
 * numbering and table. Syntax and the choice of poi-tl: docs/decisions/0011.
 */
package org.hearth.ingest.template;
