package org.hearth.ui.common;

import javafx.scene.shape.SVGPath;

/** Line icons, drawn as paths so no icon font is needed; colour comes from the theme via CSS. */
public final class Icons {

    private Icons() {
    }

    public static SVGPath document() {
        return icon("M7 3h7l5 5v13H7z M14 3v5h5 M10 13h6 M10 17h6");
    }

    public static SVGPath inbox() {
        return icon("M4 13l2.5-8h11L20 13v6H4z M4 13h5l1.5 2.5h3L15 13h5");
    }

    /** A page with a pen: a document being written. */
    public static SVGPath draft() {
        return icon("M6 3h8l4 4v6 M6 3v18h6 M9 10h6 M9 14h3 M14 21l1-3 5-5 2 2-5 5z");
    }

    public static SVGPath search() {
        return icon("M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M15.2 15.2L20 20");
    }

    public static SVGPath setup() {
        return icon("M12 4v11 M7.5 10.5 12 15l4.5-4.5 M5 19h14");
    }

    public static SVGPath settings() {
        return icon("M4 7h9 M17 7h3 M4 17h3 M11 17h9 M13 5v4h4V5z M7 15v4h4v-4z");
    }

    public static SVGPath cross() {
        SVGPath cross = icon("M5 5l8 8 M13 5l-8 8");
        cross.getStyleClass().add("small-icon");
        return cross;
    }

    private static SVGPath icon(String path) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add("line-icon");
        return icon;
    }
}
